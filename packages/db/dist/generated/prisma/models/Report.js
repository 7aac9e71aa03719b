//# sourceMappingURL=Report.js.map
