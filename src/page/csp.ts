// The page's Content-Security-Policy: the deck may load only its own files, never anything from a network
// (offline rooms, mainland China, and Chromium's waits all suffer from a stray font or CDN request).
// frame-src 'self' is the one addition to "nothing": the speaker view (reveal's notes plugin) shows the
// current and next slide in iframes of this same page.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "media-src 'self' data:",
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
