//# sourceMappingURL=record.js.map
