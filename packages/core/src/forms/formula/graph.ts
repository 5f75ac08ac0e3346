/**
 * Dependency graph algorithms over cell indices. Edges go from a cell to the cells it reads.
 * Iterative, because a 2,000-row form can chain deeper than the JS call stack allows.
 */

/**
 * Strongly connected components (Tarjan), emitted dependencies-first: every component comes
 * after all components it reads from, which is exactly an evaluation order.
 */
export function stronglyConnected(n: number, starts: Iterable<number>, deps: (i: number) => readonly number[]): number[][] {
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const frameNode: number[] = [];
  const frameEdge: number[] = [];
  const out: number[][] = [];
  let counter = 0;
  const enter = (v: number) => {
    index[v] = low[v] = counter++;
    stack.push(v);
    onStack[v] = 1;
    frameNode.push(v);
    frameEdge.push(0);
  };
  for (const s of starts) {
    if (index[s] !== -1) continue;
    enter(s);
    while (frameNode.length > 0) {
      const top = frameNode.length - 1;
      const v = frameNode[top]!;
      const ds = deps(v);
      const e = frameEdge[top]!;
      if (e < ds.length) {
        frameEdge[top] = e + 1;
        const w = ds[e]!;
        if (index[w] === -1) enter(w);
        else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      frameNode.pop();
      frameEdge.pop();
      if (low[v] === index[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        out.push(component);
      }
      if (frameNode.length > 0) {
        const u = frameNode[frameNode.length - 1]!;
        low[u] = Math.min(low[u]!, low[v]!);
      }
    }
  }
  return out;
}

/** Whether a component is a cycle: more than one cell, or one cell that reads itself. */
export function isCyclic(component: readonly number[], deps: (i: number) => readonly number[]): boolean {
  return component.length > 1 || deps(component[0]!).includes(component[0]!);
}

/**
 * One shortest cycle through the component's first cell (in index order, i.e. top-left first),
 * as a path that starts and ends with that cell: [a, b, …, a], each cell reading the next.
 */
export function cycleThrough(component: readonly number[], deps: (i: number) => readonly number[]): number[] {
  const members = new Set(component);
  const start = Math.min(...component);
  const parent = new Map<number, number>();
  const queue = [start];
  for (let q = 0; q < queue.length; q++) {
    const v = queue[q]!;
    for (const w of deps(v)) {
      if (!members.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let x = v; x !== start; x = parent.get(x)!) path.push(x);
        path.push(start);
        // path is start, then back-tracked predecessors: reverse the middle to follow the edges.
        return [start, ...path.slice(1, -1).reverse(), start];
      }
      if (!parent.has(w)) {
        parent.set(w, v);
        queue.push(w);
      }
    }
  }
  throw new Error('component has no cycle through its first cell');
}
