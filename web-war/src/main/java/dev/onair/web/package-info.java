/**
 * The web pages of OnAir, served by the WAR next to the API: home, channel (watch), studio and
 * my page. The server renders each page's static text in Korean or English
 * ({@link dev.onair.web.Language}, {@link dev.onair.web.Templates}) and sends it with a strict
 * Content-Security-Policy ({@link dev.onair.web.SecurityHeaders}); the pages' ES modules under
 * {@code /assets/js} do the rest through the public REST API, with the access token in memory
 * only (the refresh token stays in its HttpOnly cookie). hls.js comes from its WebJar, unpacked
 * into {@code /assets/vendor/hls.js} at build time. {@link dev.onair.web.SignInErrorPage} is the
 * page a browser gets when a sign-in is refused: {@link dev.onair.web.SignInErrorPages} renders it
 * for the refusals of the endpoints {@code /api/auth} marks browser-facing (the API does not know
 * the pages).
 */
package dev.onair.web;
