/** The request header that tells the site's service worker the requester checks what it gets (download/checked-fetch.ts). */
export const CHECKED_HERE = 'X-Asyncio-Live-Checked';
