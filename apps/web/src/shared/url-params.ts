import { useEffect, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router-dom';

/** A list page's state in its URL query: read from `params`, changed by `update` (replacing the history entry). */
export function useUrlParams(): { params: URLSearchParams; update: (changes: Record<string, string | null>) => void } {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    setParams(next, { replace: true });
  };
  return { params, update };
}

/**
 * A search box written to the URL parameter `key` once typing pauses (`ms`). Only while the page is still the
 * one shown: a result clicked during the pause starts a navigation that keeps this page mounted until the next
 * page's code has loaded, and the late write would bring the user back to the list.
 */
export function useSearchBox(key: string, ms = 300): { input: string; setInput: (value: string) => void; submit: (value: string) => void } {
  const { params, update } = useUrlParams();
  const current = params.get(key) ?? '';
  const [input, setInput] = useState(current);
  const { pathname } = useLocation();
  // the timer writes with the query as it is when it fires (another filter may have changed meanwhile)
  const latest = useRef({ current, update });
  latest.current = { current, update };
  useEffect(() => {
    const id = setTimeout(() => {
      const value = input.trim();
      if (value !== latest.current.current && window.location.pathname === pathname) latest.current.update({ [key]: value || null });
    }, ms);
    return () => clearTimeout(id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [input]);
  const submit = (value: string) => {
    setInput(value);
    update({ [key]: value.trim() || null });
  };
  return { input, setInput, submit };
}
