//# sourceMappingURL=RawSnapshot.js.map
