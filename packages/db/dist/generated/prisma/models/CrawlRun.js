//# sourceMappingURL=CrawlRun.js.map
