//# sourceMappingURL=Page.js.map
