//# sourceMappingURL=Event.js.map
