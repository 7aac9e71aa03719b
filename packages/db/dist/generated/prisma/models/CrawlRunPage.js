//# sourceMappingURL=CrawlRunPage.js.map
