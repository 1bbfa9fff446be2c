/*
 * Min-cost flow on the bipartite network of expert assignment (see README.md in this folder):
 *
 *   source ──(cap demand[i], cost 0)──▶ item i ──(cap 1, cost c)──▶ expert e ──(cap capacity[e], cost 0)──▶ sink
 *
 * Successive shortest paths with Johnson potentials: every augmentation runs Dijkstra (an indexed binary
 * heap) on reduced costs, which the potentials keep non-negative, so each path is a shortest one and the
 * flow stays of minimum cost for the supply it carries. Two standard refinements keep it fast:
 *
 *  - Each search starts at one item that still needs experts (the Hungarian-method order) instead of the
 *    super source. The residual network never gets a negative cycle, so the final flow is of minimum cost
 *    among all flows giving every item its delivered amount — when every item gets its full demand, the
 *    optimum of the whole problem. An item whose search cannot reach the sink can never be served later
 *    (the set it reaches stays closed under later augmentations, as in Kuhn's matching algorithm), so
 *    the delivered total is a maximum flow.
 *  - The search stops as soon as the sink is settled (distance D); potentials move by min(d(v), D) − D,
 *    which keeps every residual reduced cost non-negative and touches only settled nodes.
 *
 * Costs must be non-negative integers (the caller scales affinities); all arithmetic stays exact in
 * float64 far beyond realistic sizes.
 */

export interface BipartiteFlowInput {
  items: number;
  experts: number;
  /** Units each item needs (its k minus pinned experts). */
  demand: Int32Array;
  /** Units each expert can still take (its load limit minus pinned items). */
  capacity: Int32Array;
  /** CSR offsets into the edge arrays: item i owns edges start[i] .. start[i + 1] − 1. */
  start: Int32Array;
  /** The expert of each edge. */
  expert: Int32Array;
  /** The non-negative integer cost of each edge. */
  cost: Float64Array;
}

export interface BipartiteFlowResult {
  /** 1 where the edge carries flow (the pair is assigned). */
  flow: Uint8Array;
  /** Units each item did not get (0 everywhere when the demand is met). */
  short: Int32Array;
  /** Sum of the costs of the edges carrying flow. */
  cost: number;
  augmentations: number;
  /** Nodes settled by all searches together (a measure of work). */
  settled: number;
}

/** An indexed binary min-heap over nodes 0 .. size − 1 keyed by an external distance array. */
class NodeHeap {
  private readonly heap: Int32Array;
  private readonly pos: Int32Array;
  size = 0;
  constructor(
    nodes: number,
    private readonly key: Float64Array,
  ) {
    this.heap = new Int32Array(nodes);
    this.pos = new Int32Array(nodes).fill(-1);
  }
  /** Inserts v or moves it up after its key decreased. */
  push(v: number): void {
    let i = this.pos[v]!;
    if (i < 0) {
      i = this.size++;
      this.heap[i] = v;
      this.pos[v] = i;
    }
    this.up(i);
  }
  pop(): number {
    const top = this.heap[0]!;
    this.pos[top] = -1;
    const last = this.heap[--this.size]!;
    if (this.size > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }
  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]!] = -1;
    this.size = 0;
  }
  private up(i: number): void {
    const { heap, pos, key } = this;
    const v = heap[i]!;
    const kv = key[v]!;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const u = heap[p]!;
      if (key[u]! <= kv) break;
      heap[i] = u;
      pos[u] = i;
      i = p;
    }
    heap[i] = v;
    pos[v] = i;
  }
  private down(i: number): void {
    const { heap, pos, key, size } = this;
    const v = heap[i]!;
    const kv = key[v]!;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && key[heap[c + 1]!]! < key[heap[c]!]!) c++;
      const u = heap[c]!;
      if (key[u]! >= kv) break;
      heap[i] = u;
      pos[u] = i;
      i = c;
    }
    heap[i] = v;
    pos[v] = i;
  }
}

export function solveBipartiteFlow(input: BipartiteFlowInput): BipartiteFlowResult {
  const { items: n, experts: m, demand, capacity, start, expert, cost } = input;
  const edges = start[n]!;
  const T = n + m; // the sink; experts are nodes n .. n + m − 1
  const V = n + m + 1;
  const edgeItem = new Int32Array(edges);
  for (let i = 0; i < n; i++) for (let x = start[i]!; x < start[i + 1]!; x++) edgeItem[x] = i;

  // Edges carrying flow into each expert (its residual reverse edges), at most capacity[e] of them.
  const asgStart = new Int32Array(m + 1);
  for (let e = 0; e < m; e++) asgStart[e + 1] = asgStart[e]! + Math.max(0, capacity[e]!);
  const asg = new Int32Array(asgStart[m]!);
  const used = new Int32Array(m);

  const flow = new Uint8Array(edges);
  const short = new Int32Array(n);
  const pot = new Float64Array(V);
  const dist = new Float64Array(V);
  const seen = new Int32Array(V); // search stamp when dist was set
  const done = new Int32Array(V); // search stamp when settled
  const pred = new Int32Array(V); // entering edge (items, experts) or expert (sink)
  const settledList = new Int32Array(V);
  const heap = new NodeHeap(V, dist);
  let stamp = 0;
  let augmentations = 0;
  let settledTotal = 0;

  const relax = (w: number, d: number, via: number): void => {
    if (done[w] === stamp) return;
    if (seen[w] !== stamp || d < dist[w]!) {
      seen[w] = stamp;
      dist[w] = d;
      pred[w] = via;
      heap.push(w);
    }
  };

  /** One shortest-path search from item s; augments one unit and returns true when the sink is reached. */
  const augmentFrom = (s: number): boolean => {
    stamp++;
    let settled = 0;
    seen[s] = stamp;
    dist[s] = 0;
    heap.push(s);
    let reached = false;
    while (heap.size > 0) {
      const v = heap.pop();
      done[v] = stamp;
      settledList[settled++] = v;
      if (v === T) {
        reached = true;
        break;
      }
      const dv = dist[v]! + pot[v]!;
      if (v < n) {
        for (let x = start[v]!; x < start[v + 1]!; x++) {
          if (flow[x] !== 0) continue;
          const w = n + expert[x]!;
          relax(w, dv + cost[x]! - pot[w]!, x);
        }
      } else {
        const e = v - n;
        if (used[e]! < capacity[e]!) relax(T, dv - pot[T]!, e);
        for (let j = asgStart[e]!; j < asgStart[e]! + used[e]!; j++) {
          const x = asg[j]!;
          const u = edgeItem[x]!;
          relax(u, dv - cost[x]! - pot[u]!, x);
        }
      }
    }
    heap.clear();
    settledTotal += settled;
    if (!reached) return false;
    const D = dist[T]!;
    for (let j = 0; j < settled; j++) {
      const v = settledList[j]!;
      pot[v] = pot[v]! + dist[v]! - D;
    }
    // Walk back from the sink: expert ← item (forward edge, now used) ← expert (reverse edge, freed) …
    let e = pred[T]!;
    used[e] = used[e]! + 1;
    asg[asgStart[e]! + used[e]! - 1] = -1; // a free slot, filled below
    for (;;) {
      const x = pred[n + e]!;
      flow[x] = 1;
      replaceSlot(e, -1, x);
      const u = edgeItem[x]!;
      if (u === s) break;
      const y = pred[u]!; // u was reached from expert[y] along the reverse of y
      flow[y] = 0;
      e = expert[y]!;
      replaceSlot(e, y, -1);
    }
    augmentations++;
    return true;
  };

  /** In expert e's list of assigned edges, replaces `from` by `to` (−1 marks the one free slot). */
  const replaceSlot = (e: number, from: number, to: number): void => {
    for (let j = asgStart[e]!; j < asgStart[e]! + used[e]!; j++) {
      if (asg[j] === from) {
        asg[j] = to;
        return;
      }
    }
    throw new Error(`flow invariant broken at expert ${e}`);
  };

  for (let i = 0; i < n; i++) {
    let need = demand[i]!;
    while (need > 0 && augmentFrom(i)) need--;
    short[i] = need;
  }
  let total = 0;
  for (let x = 0; x < edges; x++) if (flow[x]) total += cost[x]!;
  return { flow, short, cost: total, augmentations, settled: settledTotal };
}
