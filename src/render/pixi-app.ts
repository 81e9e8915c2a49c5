// The map's Pixi application, with only the Pixi extensions the map uses. By default a Pixi 8 renderer first imports
// its whole browser environment (pixi.js/lib/environment-browser/browserAll.mjs: accessibility, DOM containers,
// events, spritesheets, filters), some 15 KB gzipped the page loaded before the map showed. The map draws no filters,
// masks, DOM containers or spritesheets and has no accessible Pixi objects (the canvas carries its own aria-label and
// the panels say what the map shows), so it skips those imports and adds the one it needs: pointer events, for
// pan, zoom, hover and selection.
import 'pixi.js/events';
import { Application } from 'pixi.js';
import { SEA } from './style.ts';

export async function createApp(width: number, height: number): Promise<Application> {
  const app = new Application();
  await app.init({
    width,
    height,
    preference: 'webgl',
    antialias: true,
    backgroundColor: SEA,
    resolution: globalThis.devicePixelRatio || 1,
    autoDensity: true,
    skipExtensionImports: true,
  });
  return app;
}
