//# sourceMappingURL=Site.js.map
