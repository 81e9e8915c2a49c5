// Flow particles: a fixed pool moving along lane polylines each frame, in screen space, with no per-frame allocation.
import { Container, Particle, ParticleContainer, type Texture } from 'pixi.js';
import { PARTICLE_CAP, hash01, pointAt, type ViewXf } from './geometry.ts';
import type { FlowScene } from './model.ts';
import { FAMILY_COLOUR, FAMILY_SHAPE, PARTICLE_PX } from './style.ts';

/** Share of a lane at each end over which particles fade in and out. */
const FADE = 0.04;

export class FlowLayer {
  readonly view = new Container({ label: 'flows' });
  private readonly round: ParticleContainer<Particle>;
  private readonly angular: ParticleContainer<Particle>;
  private readonly poolRound: Particle[] = [];
  private readonly poolAngular: Particle[] = [];
  /** per live particle: the Particle, its stream, phase (0..1) and lateral offset (screen px) */
  private readonly live: Particle[] = [];
  private readonly streamOf = new Int32Array(PARTICLE_CAP);
  private readonly phase = new Float32Array(PARTICLE_CAP);
  private readonly lateral = new Float32Array(PARTICLE_CAP);
  private count = 0;
  private scene: FlowScene | null = null;
  /** per stream: lane length and speed as a share of the lane per second */
  private rate = new Float32Array(0);
  private readonly tmp = new Float32Array(4);

  constructor(textures: { circle: Texture; square: Texture }) {
    const props = { position: true, color: true, rotation: false, vertex: false, uvs: false };
    this.round = new ParticleContainer({ dynamicProperties: props, texture: textures.circle });
    this.angular = new ParticleContainer({ dynamicProperties: props, texture: textures.square });
    this.view.addChild(this.round, this.angular);
    const scale = (PARTICLE_PX * 2) / 13;
    for (let i = 0; i < PARTICLE_CAP; i++) {
      this.poolRound.push(new Particle({ texture: textures.circle, anchorX: 0.5, anchorY: 0.5, scaleX: scale, scaleY: scale }));
      this.poolAngular.push(new Particle({ texture: textures.square, anchorX: 0.5, anchorY: 0.5, scaleX: scale * 0.85, scaleY: scale * 0.85 }));
    }
  }

  get alive(): number {
    return this.count;
  }

  /** Assign pooled particles to the scene's streams (called once per turn). */
  setScene(scene: FlowScene): void {
    this.scene = scene;
    this.round.particleChildren.length = 0;
    this.angular.particleChildren.length = 0;
    this.live.length = 0;
    this.rate = new Float32Array(scene.streams.length);
    let n = 0;
    let nr = 0;
    let na = 0;
    scene.streams.forEach((s, si) => {
      const lane = scene.lanes[s.lane]!;
      this.rate[si] = lane.length > 0 ? s.speed / lane.length : 0;
      const shape = FAMILY_SHAPE[s.family];
      const key = `${lane.id}:${s.from}>${s.to}:${s.family}`;
      for (let k = 0; k < s.count && n < PARTICLE_CAP; k++) {
        const p = shape === 'circle' ? this.poolRound[nr++]! : this.poolAngular[na++]!;
        p.tint = FAMILY_COLOUR[s.family];
        p.rotation = shape === 'diamond' ? Math.PI / 4 : 0;
        p.alpha = 0;
        (shape === 'circle' ? this.round : this.angular).particleChildren.push(p);
        this.live.push(p);
        this.streamOf[n] = si;
        // evenly spaced with a deterministic jitter, so the same turn always looks the same
        this.phase[n] = (k + 0.6 * hash01(key, k)) / s.count;
        this.lateral[n] = s.offsetPx; // on its good's band

        n++;
      }
    });
    this.count = n;
    this.round.update();
    this.angular.update();
  }

  /**
   * Move every particle: `seconds` of travel since the scene was set, `head` (0..1) how far the turn animation has
   * carried the flows from the exporters' ports (1 when it is over), `v` the view transform.
   */
  tick(seconds: number, head: number, v: ViewXf): void {
    const scene = this.scene;
    if (!scene) return;
    const out = this.tmp;
    for (let i = 0; i < this.count; i++) {
      const si = this.streamOf[i]!;
      const s = scene.streams[si]!;
      const lane = scene.lanes[s.lane]!;
      let u = this.phase[i]! + seconds * this.rate[si]!;
      u -= Math.floor(u);
      // during the turn animation the stream pours out of the exporter's port: squeezed into the first `head` of the lane
      u *= head;
      pointAt(lane.pts, lane.cum, (s.reversed ? 1 - u : u) * lane.length, out);
      const off = (s.reversed ? -1 : 1) * this.lateral[i]!;
      const p = this.live[i]!;
      p.x = out[0]! * v.scale + v.tx + out[2]! * off;
      p.y = out[1]! * v.scale + v.ty + out[3]! * off;
      const a = u < FADE ? u / FADE : u > 1 - FADE ? (1 - u) / FADE : 1;
      if (p.alpha !== a) p.alpha = a;
    }
  }
}
