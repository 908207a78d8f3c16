/**
 * Minimum-cost flow by successive shortest paths (Dijkstra on reduced costs with Johnson potentials).
 * Every arc cost given to `addArc` must be non-negative, which keeps the first potentials at zero.
 * Small and dense graphs only (O(V²) per augmentation): the panel planner has a few hundred nodes.
 */
export class MinCostFlow {
  private readonly to: number[] = [];
  private readonly capacity: number[] = [];
  private readonly cost: number[] = [];
  private readonly next: number[] = [];
  private readonly head: number[];

  constructor(readonly nodeCount: number) {
    this.head = new Array<number>(nodeCount).fill(-1);
  }

  /** Returns the arc's id; `flowOn(id)` reads how much it carries after `run`. */
  addArc(from: number, to: number, capacity: number, cost: number): number {
    if (cost < 0) throw new Error('MinCostFlow: negative arc cost');
    const id = this.to.length;
    this.push(from, to, capacity, cost);
    this.push(to, from, 0, -cost);
    return id;
  }

  private push(from: number, to: number, capacity: number, cost: number): void {
    this.to.push(to);
    this.capacity.push(capacity);
    this.cost.push(cost);
    this.next.push(this.head[from]!);
    this.head[from] = this.to.length - 1;
  }

  flowOn(arc: number): number {
    return this.capacity[arc ^ 1]!;
  }

  /** Sends as much flow as possible from source to sink at least cost; returns [flow, cost]. */
  run(source: number, sink: number): [number, number] {
    const n = this.nodeCount;
    const potential = new Array<number>(n).fill(0);
    let flow = 0;
    let total = 0;
    for (;;) {
      const distance = new Array<number>(n).fill(Infinity);
      const viaArc = new Array<number>(n).fill(-1);
      const done = new Array<boolean>(n).fill(false);
      distance[source] = 0;
      for (;;) {
        let u = -1;
        for (let v = 0; v < n; v++) if (!done[v] && distance[v]! < Infinity && (u < 0 || distance[v]! < distance[u]!)) u = v;
        if (u < 0) break;
        done[u] = true;
        for (let arc = this.head[u]!; arc >= 0; arc = this.next[arc]!) {
          if (this.capacity[arc]! <= 0) continue;
          const v = this.to[arc]!;
          const candidate = distance[u]! + this.cost[arc]! + potential[u]! - potential[v]!;
          if (candidate < distance[v]!) {
            distance[v] = candidate;
            viaArc[v] = arc;
          }
        }
      }
      if (distance[sink] === Infinity) break;
      for (let v = 0; v < n; v++) if (distance[v]! < Infinity) potential[v]! += distance[v]!;
      let push = Infinity;
      for (let v = sink; v !== source; v = this.to[viaArc[v]! ^ 1]!) push = Math.min(push, this.capacity[viaArc[v]!]!);
      for (let v = sink; v !== source; v = this.to[viaArc[v]! ^ 1]!) {
        this.capacity[viaArc[v]!]! -= push;
        this.capacity[viaArc[v]! ^ 1]! += push;
        total += push * this.cost[viaArc[v]!]!;
      }
      flow += push;
    }
    return [flow, total];
  }
}
