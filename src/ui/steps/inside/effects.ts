import type { DirectoryPager, Ports } from '../../ports/index.js';
import type { Effects } from '../../walk/step.js';
import { insideText } from './messages.js';

// The Look inside step's side effects: facts of the path, the open directory read page by page
// (kept open for this walk, closed on dispose), the count and oldest/newest passes.
export function insideEffects(ports: Ports): Effects {
  const pagers = new Map<number, DirectoryPager>();
  return {
    handlers: {
      stat: (req) => ports.inside.stat(req.path),
      openPager: async (req) => {
        pagers.set(req.token, ports.inside.open(req.path));
        return true as const;
      },
      nextPage: (req, { signal }) => {
        const pager = pagers.get(req.pager);
        return pager ? pager.next(req.count, signal) : Promise.reject(new Error(insideText().notOpen));
      },
      closePager: (req) => {
        pagers.get(req.pager)?.close();
        pagers.delete(req.pager);
      },
      count: (req, { signal, progress }) => ports.inside.scan(req.path, 0, { signal, onProgress: progress }),
      oldestNewest: (req, { signal, progress }) => ports.inside.scan(req.path, req.k, { signal, onProgress: progress }),
    },
    dispose() {
      for (const p of pagers.values()) p.close();
      pagers.clear();
    },
  };
}
