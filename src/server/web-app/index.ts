export { loadWebBuild, type WebBuild, type WebFile } from "./assets.js";
export { ensureWebBuild, sourceHash, webBuildIsCurrent, webDist } from "./build.js";
export { isAppPage, sendAppPage, webAppRoutes } from "./routes.js";
