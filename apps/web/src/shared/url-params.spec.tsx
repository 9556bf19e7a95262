import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Link, Route, Routes } from 'react-router-dom';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { useSearchBox, useUrlParams } from './url-params';

function List() {
  const { params, update } = useUrlParams();
  const box = useSearchBox('q');
  return (
    <div>
      <input aria-label="search" value={box.input} onChange={(e) => box.setInput(e.target.value)} />
      <button onClick={() => update({ unit: 'u1' })}>unit</button>
      <Link to="/persons/1">Lê Văn Tám</Link>
      <span data-testid="query">{params.toString()}</span>
    </div>
  );
}

// a page whose code never finishes loading: the navigation to it stays pending, the list stays mounted
const Pending = lazy(() => new Promise<never>(() => undefined));

function app() {
  return render(
    <BrowserRouter>
      <Suspense fallback={<span>loading</span>}>
        <Routes>
          <Route path="/persons" element={<List />} />
          <Route path="/persons/:id" element={<Pending />} />
        </Routes>
      </Suspense>
    </BrowserRouter>,
  );
}

describe('useSearchBox', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    window.history.replaceState(null, '', '/persons');
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  test('writes the search to the URL once typing pauses, keeping the other parameters set meanwhile', async () => {
    const view = app();
    fireEvent.change(view.getByLabelText('search'), { target: { value: 'le van tam ' } });
    await act(async () => vi.advanceTimersByTime(100));
    fireEvent.click(view.getByText('unit'));
    expect(window.location.search).toBe('?unit=u1');
    await act(async () => vi.advanceTimersByTime(300));
    expect(window.location.search).toBe('?unit=u1&q=le+van+tam');
  });

  test('a result clicked before the pause ends is not undone by the late write', async () => {
    const view = app();
    fireEvent.change(view.getByLabelText('search'), { target: { value: 'le van tam' } });
    await act(async () => {
      fireEvent.click(view.getByText('Lê Văn Tám'));
    });
    expect(window.location.pathname).toBe('/persons/1');
    await act(async () => vi.advanceTimersByTime(1000));
    expect(window.location.pathname).toBe('/persons/1');
    expect(window.location.search).toBe('');
  });
});
