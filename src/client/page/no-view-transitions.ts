/**
 * Imported before Astro's router (page-navigation.ts), which reads at load whether the
 * browser has view transitions. With them it captured the old and new page as images
 * to fade between: the new page was drawn 130 ms later, for a fade this site does not
 * want (a documentation page appears as a page load shows it). Without them, the
 * router swaps the page at once (the pages' fallback: "swap", Head.astro). Nothing else
 * on the site uses view transitions.
 */
Object.defineProperty(document, 'startViewTransition', { value: undefined, configurable: true });
