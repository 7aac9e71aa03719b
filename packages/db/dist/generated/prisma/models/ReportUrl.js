//# sourceMappingURL=ReportUrl.js.map
