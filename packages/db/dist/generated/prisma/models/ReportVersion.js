//# sourceMappingURL=ReportVersion.js.map
