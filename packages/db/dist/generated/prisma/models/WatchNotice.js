//# sourceMappingURL=WatchNotice.js.map
