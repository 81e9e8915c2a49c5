// The Pixi map of the Indo-Pacific: land, lanes, animated flows, policy markers, selection, pan and zoom. Reads a CountryView; never changes state.
import { Container, Graphics, RenderTexture, Sprite, Ticker, UPDATE_PRIORITY, type FederatedPointerEvent, type Text } from 'pixi.js';
import { routeLanes, type CountryView, type GameMap, type RegionId } from '../../engine/lite.ts';
import { clampView, fitView, pick, placeLegend, zoomAbout, type PickScene, type ViewXf } from './geometry.ts';
import { buildScene, type FlowScene } from './model.ts';
import { describeCountry, describeLane, describePort, describeStrait, type MapSelection } from './describe.ts';
import { makeLegend, markerGraphic, particleTextures, Tooltip } from './layers.ts';
import { t as tr } from '../ui/i18n.ts';
import { FlowLayer } from './flows.ts';
import { straitPoint, world as geoWorld } from './geo.ts';
import { MapLabels, boxesOver, drawLaneBands } from './labels.ts';
import { LandLayer } from './land.ts';
import { drawnLanesFor, portAtSea, seaGrid } from './routes.ts';
import type { MapRenderer } from './map-api.ts';
import { createApp } from './pixi-app.ts';
import { ANIMATION_MS } from './style.ts';

export type { MapSelection } from './describe.ts';

export type { MapRenderer } from './map-api.ts';


/** `controls`: the page's element over the map whose children (buttons, a list) country names keep out from under. */
export async function createMap(parent: HTMLElement, map: GameMap, opts: { width?: number; height?: number; controls?: HTMLElement } = {}): Promise<MapRenderer> {
  let W = Math.max(1, opts.width ?? (parent.clientWidth || 960));
  let H = Math.max(1, opts.height ?? (parent.clientHeight || 540));
  const app = await createApp(W, H);
  const canvas = app.canvas;
  canvas.dataset.testid = 'map-canvas';
  canvas.style.display = 'block';
  canvas.style.touchAction = 'none';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', tr('mapText.mapAria'));
  parent.appendChild(canvas);

  const geo = geoWorld();
  const proj = geo.proj;
  const openRoutes = routeLanes(map, []);
  let routes = openRoutes;
  let drawn = drawnLanesFor(geo, map, routes, []);
  let xf: ViewXf = fitView(proj, W, H);

  // World layers (transformed by the view): land shaded by state, coasts and borders, straits, lanes, hover highlight.
  const world = new Container({ label: 'world' });
  const landLayer = new LandLayer(geo.shapes, geo.borders);
  const laneG = new Graphics();
  const highlight = new Graphics();
  // the land, coasts, straits and lanes change only with the turn or the zoom: drawn once into a texture at the
  // screen's resolution and shown as one sprite each frame (software WebGL redraws the shapes far more slowly)
  const still = new Container({ label: 'still' });
  still.addChild(...landLayer.fills.values(), landLayer.edges, landLayer.straits, laneG);
  const stillSprite = new Sprite();
  world.addChild(stillSprite, highlight);
  // Screen layers: particles, markers, ports, labels (on top, on their plates), legend, tooltip (constant size whatever the zoom).
  const labels = new Container({ label: 'labels' });
  const portsLayer = new Container({ label: 'ports' });
  const markersLayer = new Container({ label: 'markers' });
  const textures = particleTextures(app.renderer);
  const flows = new FlowLayer(textures);
  const legend = makeLegend();
  const legendSmall = makeLegend(true);
  const tooltip = new Tooltip();
  app.stage.addChild(world, flows.view, markersLayer, portsLayer, labels, legend, legendSmall, tooltip.view);

  const anchors: { obj: Text | Graphics | Container; wx: number; wy: number; clamp?: boolean }[] = [];
  const straitPts = map.straits.map((s) => {
    const [x, y] = straitPoint(proj, map, s.id);
    return { id: s.id, x, y };
  });
  const mapLabels = new MapLabels(proj, map, straitPts, labels, anchors);
  const openSea = seaGrid(geo.raster, proj, map, []);
  const portPts = map.ports.map((p) => {
    const [x, y] = portAtSea(openSea, proj, map, p);
    const g = new Graphics().circle(0, 0, 4.5).fill({ color: 0x0a1420 }).stroke({ width: 2, color: 0xffffff });
    portsLayer.addChild(g);
    anchors.push({ obj: g, wx: x, wy: y });
    return { id: p.id, x, y };
  });

  let scene: FlowScene = { lanes: [], streams: [], markers: [], particles: 0 };
  let markerObjs: { obj: Graphics; laneId: string; wx: number; wy: number; ox: number; oy: number }[] = [];
  let current: CountryView | null = null;
  let selectCb: ((sel: MapSelection | null) => void) | null = null;
  let hovered: { kind: MapSelection['kind']; id: string } | null = null;
  let hoverText: MapSelection | null = null;
  let updates = 0;

  const drawLanes = (): void => drawLaneBands(laneG, scene, xf.scale);
  const drawHighlight = (): void => {
    highlight.clear();
    if (!hovered) return;
    if (hovered.kind === 'lane') {
      const l = scene.lanes.find((x) => x.id === hovered!.id);
      if (!l) return;
      highlight.moveTo(l.pts[0]!, l.pts[1]!);
      for (let i = 2; i < l.pts.length; i += 2) highlight.lineTo(l.pts[i]!, l.pts[i + 1]!);
      highlight.stroke({ width: (Math.max(l.widthPx, 2) + 4) / xf.scale, color: 0xffffff, alpha: 0.35, cap: 'round', join: 'round' });
    } else if (hovered.kind === 'port') {
      const p = portPts.find((x) => x.id === hovered!.id);
      if (p) highlight.circle(p.x, p.y, 8 / xf.scale).stroke({ width: 2 / xf.scale, color: 0xffffff });
    }
  };
  let lastScale = 0;
  /** Draw the still layers into their texture again, at the current zoom's resolution (sharp at any zoom). */
  let stillTexture: RenderTexture | null = null;
  const recache = (): void => {
    const res = Math.min(4, xf.scale * (globalThis.devicePixelRatio || 1));
    const b = still.getLocalBounds();
    stillTexture?.destroy(true);
    stillTexture = RenderTexture.create({ width: Math.ceil(b.maxX - b.minX), height: Math.ceil(b.maxY - b.minY), resolution: res, antialias: true });
    still.position.set(-b.minX, -b.minY);
    app.renderer.render({ container: still, target: stillTexture, clear: true });
    stillSprite.texture = stillTexture;
    stillSprite.position.set(b.minX, b.minY);
  };
  const applyView = (): void => {
    wake();
    world.position.set(xf.tx, xf.ty);
    world.scale.set(xf.scale);
    const small = xf.scale < 0.5;
    for (const a of anchors) {
      let x = a.wx * xf.scale + xf.tx;
      let y = a.wy * xf.scale + xf.ty;
      // country names stay on screen (never below 14 px: they do not shrink with the map)
      if (a.clamp) {
        x = Math.min(W - a.obj.width / 2 - 4, Math.max(a.obj.width / 2 + 4, x));
        y = Math.min(H - a.obj.height + 8, Math.max(12, y));
      }
      a.obj.position.set(x, y);
    }
    for (const m of markerObjs) m.obj.position.set(m.wx * xf.scale + xf.tx + m.ox, m.wy * xf.scale + xf.ty + m.oy);
    // on a small map, strait names only when closed
    mapLabels.fit(small, current, opts.controls ? boxesOver(opts.controls, canvas) : [], W < 600 && H < 320 ? { w: W, h: H } : null);
    // the full legend while it takes under about half the height, else two rows, wherever it covers no country's plate
    const at = placeLegend(W, H, { w: legend.width, h: legend.height }, { w: legendSmall.width, h: legendSmall.height }, mapLabels.plates());
    legend.visible = at?.which === 'full';
    legendSmall.visible = at?.which === 'small';
    if (at) (at.which === 'full' ? legend : legendSmall).position.set(at.x, at.y);
    if (xf.scale !== lastScale) {
      lastScale = xf.scale;
      landLayer.drawEdges(xf.scale, current?.country ?? null);
      landLayer.drawStraits(straitPts, current?.straits ?? {}, xf.scale);
      drawLanes();
      drawHighlight();
      recache();
    }
  };

  // Animation state: seconds of particle travel, and the turn reveal.
  let seconds = 0;
  let animMs = ANIMATION_MS;
  let waiters: (() => void)[] = [];
  let fallback: ReturnType<typeof setTimeout> | undefined;
  // followed live: turning "reduce motion" on stops the flows at once, turning it off starts them again
  const motionQuery = typeof matchMedia === 'function' ? matchMedia('(prefers-reduced-motion: reduce)') : null;
  let reducedMotion = motionQuery?.matches ?? false;
  const onMotion = (e: MediaQueryListEvent): void => {
    reducedMotion = e.matches;
    if (reducedMotion) finish();
    else if (!held) run();
    wake();
  };
  motionQuery?.addEventListener('change', onMotion);
  const finish = (): void => {
    animMs = ANIMATION_MS;
    if (fallback !== undefined) clearTimeout(fallback);
    fallback = undefined;
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  /** how far the turn animation has carried the flows (ease-out), 1 when idle */
  const head = (): number => {
    const t = Math.min(1, animMs / ANIMATION_MS);
    return 1 - (1 - t) * (1 - t);
  };
  const tick = (): void => {
    if (!reducedMotion) seconds = (seconds + Math.min(app.ticker.deltaMS, 100) / 1000) % 3600;
    if (animMs < ANIMATION_MS) {
      animMs += app.ticker.deltaMS;
      if (animMs >= ANIMATION_MS) finish();
    }
    flows.tick(seconds, head(), xf);
  };
  app.ticker.add(tick);
  // With reduced motion nothing moves on its own: each change wakes the map (every change goes through applyView or
  // hover, which call wake()), which draws at the next animation frame and sleeps again. It used to stay awake
  // 700 ms a change: with software WebGL about 1.2 s of the GPU process's CPU a turn, now 0.3-0.5 s (1280x720, from
  // /proc). Pixi's system ticker (pointer re-sends, the renderer's scheduler) sleeps after its own next update: its
  // frames kept an idle page's renderer and compositor busy (about 0.09 of a core a page). Stopping a ticker inside
  // its update still runs the listeners after it (the application's render) and asks for no other frame.
  let held = false; // hold(true): the page waits for a turn, nothing draws
  const run = (): void => {
    if (!app.ticker.started) app.ticker.start();
    if (!Ticker.system.started) Ticker.system.start();
  };
  const sleep = (): void => app.ticker.stop();
  const wake = (): void => {
    if (reducedMotion && !held) run();
  };
  app.ticker.add(() => {
    if (reducedMotion && animMs >= ANIMATION_MS) sleep();
  });
  const sleepSystem = (): void => {
    if (!app.ticker.started) Ticker.system.stop();
  };
  Ticker.system.add(sleepSystem, undefined, UPDATE_PRIORITY.UTILITY);
  for (const ev of ['pointermove', 'pointerdown', 'pointerup', 'wheel', 'pointerleave']) app.canvas.addEventListener(ev, wake, { passive: true });
  wake();

  const describe = (sel: { kind: MapSelection['kind']; id: string }): MapSelection => {
    if (!current) return { ...sel, title: sel.id, lines: [] };
    switch (sel.kind) {
      case 'lane':
        return describeLane(map, routes, current, sel.id);
      case 'port':
        return describePort(map, current, sel.id);
      case 'strait':
        return describeStrait(map, routes, openRoutes, current, sel.id);
      default:
        return describeCountry(current, sel.id as RegionId);
    }
  };
  const pickScene = (): PickScene => ({
    raster: geo.raster,
    straits: straitPts,
    ports: portPts,
    markers: markerObjs.map((m) => ({ laneId: m.laneId, x: m.wx + m.ox / xf.scale, y: m.wy + m.oy / xf.scale })),
    lanes: scene.lanes.map((l) => ({ id: l.id, pts: l.pts, widthPx: l.widthPx })),
  });
  const pickAt = (sx: number, sy: number) => pick(pickScene(), (sx - xf.tx) / xf.scale, (sy - xf.ty) / xf.scale, xf.scale);
  const hover = (sx: number, sy: number): void => {
    wake();
    const hit = pickAt(sx, sy);
    const changed = hit?.kind !== hovered?.kind || hit?.id !== hovered?.id;
    hovered = hit;
    if (changed) drawHighlight();
    if (!hit) {
      tooltip.hide();
      canvas.style.cursor = 'default';
      return;
    }
    if (changed) hoverText = describe(hit);
    tooltip.show(`${hit.kind}:${hit.id}:${updates}`, hoverText!.title, hoverText!.lines, sx, sy, W, H);
    canvas.style.cursor = hit.kind === 'country' ? 'default' : 'pointer';
  };

  // Pan by dragging, select by clicking without dragging, zoom by the wheel.
  app.stage.eventMode = 'static';
  app.stage.hitArea = app.screen;
  let drag: { x: number; y: number; tx: number; ty: number; moved: boolean } | null = null;
  app.stage.on('pointerdown', (e: FederatedPointerEvent) => {
    drag = { x: e.global.x, y: e.global.y, tx: xf.tx, ty: xf.ty, moved: false };
  });
  app.stage.on('globalpointermove', (e: FederatedPointerEvent) => {
    if (drag && (drag.moved || Math.hypot(e.global.x - drag.x, e.global.y - drag.y) > 4)) {
      drag.moved = true;
      tooltip.hide();
      xf = clampView(proj, W, H, { scale: xf.scale, tx: drag.tx + e.global.x - drag.x, ty: drag.ty + e.global.y - drag.y });
      applyView();
      canvas.style.cursor = 'grabbing';
    } else if (!drag && e.global.x >= 0 && e.global.y >= 0 && e.global.x <= W && e.global.y <= H) hover(e.global.x, e.global.y);
  });
  const endDrag = (e: FederatedPointerEvent): void => {
    const wasClick = drag !== null && !drag.moved;
    drag = null;
    canvas.style.cursor = 'default';
    if (!wasClick) return;
    const hit = pickAt(e.global.x, e.global.y);
    selectCb?.(hit ? describe(hit) : null);
  };
  app.stage.on('pointerup', endDrag);
  app.stage.on('pointerupoutside', () => (drag = null));
  canvas.addEventListener('pointerleave', () => {
    hovered = null;
    tooltip.hide();
    drawHighlight();
  });
  const onWheel = (e: WheelEvent): void => {
    e.preventDefault();
    tooltip.hide();
    const r = canvas.getBoundingClientRect();
    const f = Math.exp(-Math.max(-100, Math.min(100, e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY)) * 0.0025);
    xf = zoomAbout(proj, W, H, xf, f, e.clientX - r.left, e.clientY - r.top);
    applyView();
    hover(e.clientX - r.left, e.clientY - r.top); // what is under the pointer now (a sleeping map gets no re-sent move)
  };
  canvas.addEventListener('wheel', onWheel, { passive: false });

  const setMarkers = (): void => {
    for (const m of markerObjs) m.obj.destroy();
    markerObjs = [];
    for (const m of scene.markers) {
      // beside the lane, on the side its trade travels (right of travel), the tariff badge a little further along
      const tx = m.ny;
      const ty = -m.nx;
      const kinds = [...(m.control ? [m.control] : []), ...(m.tariffs.length ? ['tariff' as const] : [])];
      kinds.forEach((k, i) => {
        const obj = markerGraphic(k);
        markersLayer.addChild(obj);
        markerObjs.push({ obj, laneId: m.laneId, wx: m.x, wy: m.y, ox: m.nx * 11 + tx * 17 * i, oy: m.ny * 11 + ty * 17 * i });
      });
    }
  };

  applyView();
  let observer: ResizeObserver | undefined;
  const renderer: MapRenderer = {
    update(view, o = {}) {
      current = view;
      updates++;
      const closed = Object.keys(view.straits).filter((k) => view.straits[k] === 'closed').sort();
      routes = routeLanes(map, closed);
      drawn = drawnLanesFor(geo, map, routes, closed);
      scene = buildScene(map, drawn, routes, view);
      landLayer.setState(view);
      mapLabels.update(view, landLayer);
      lastScale = 0; // redraw the edges, straits and lanes for the new state
      setMarkers();
      flows.setScene(scene);
      hovered = null;
      drawHighlight();
      tooltip.hide();
      applyView();
      if (o.animate && !reducedMotion) {
        animMs = 0;
        seconds = 0;
        if (fallback !== undefined) clearTimeout(fallback);
        // the ticker pauses in background tabs: do not leave settled() hanging
        fallback = setTimeout(finish, ANIMATION_MS + 500);
      } else finish();
      flows.tick(seconds, head(), xf);
    },
    settled() {
      return animMs >= ANIMATION_MS ? Promise.resolve() : new Promise<void>((res) => waiters.push(res));
    },
    inspect(kind, id) {
      return describe({ kind, id });
    },
    onSelect(cb) {
      selectCb = cb;
    },
    resize(width, height) {
      const cx = (W / 2 - xf.tx) / xf.scale;
      const cy = (H / 2 - xf.ty) / xf.scale;
      const zoom = xf.scale / fitView(proj, W, H).scale;
      W = Math.max(1, Math.round(width));
      H = Math.max(1, Math.round(height));
      app.renderer.resize(W, H);
      const scale = fitView(proj, W, H).scale * zoom;
      xf = clampView(proj, W, H, { scale, tx: W / 2 - cx * scale, ty: H / 2 - cy * scale });
      applyView();
    },
    zoomBy(factor) {
      xf = zoomAbout(proj, W, H, xf, factor, W / 2, H / 2);
      applyView();
    },
    resetView() {
      xf = fitView(proj, W, H);
      applyView();
    },
    hold(on) {
      held = on;
      if (on) sleep();
      else run();
    },
    stats() {
      return { flows: flows.alive, lanesDrawn: scene.lanes.length, fps: Math.round(app.ticker.FPS * 10) / 10 };
    },
    destroy() {
      observer?.disconnect();
      motionQuery?.removeEventListener('change', onMotion);
      canvas.removeEventListener('wheel', onWheel);
      finish();
      app.ticker.remove(tick);
      Ticker.system.remove(sleepSystem);
      if (!Ticker.system.started) Ticker.system.start(); // as a new map's renderer expects it
      stillTexture?.destroy(true);
      still.destroy({ children: true });
      app.destroy({ removeView: true }, { children: true }); // the flow pools go with the stage
      textures.atlas.destroy(true);
    },
  };
  if (opts.width === undefined && opts.height === undefined && typeof ResizeObserver === 'function') {
    // no fixed size given: follow the parent element
    observer = new ResizeObserver(() => {
      const w = parent.clientWidth;
      const h = parent.clientHeight;
      if (w > 0 && h > 0 && (w !== W || h !== H)) renderer.resize(w, h);
    });
    observer.observe(parent);
  }
  return renderer;
}
