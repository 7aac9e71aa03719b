//# sourceMappingURL=Agency.js.map
