import { vi } from 'vitest';

/**
 * Stubs `fetch` so every request stays pending until the test answers it: the window in which a
 * button shows its request as running.
 */
export function holdFetch() {
  const answers: ((response: Response) => void)[] = [];
  const fetchMock = vi.fn(
    () =>
      new Promise<Response>((resolve) => {
        answers.push(resolve);
      }),
  );
  vi.stubGlobal('fetch', fetchMock);
  return {
    fetchMock,
    /** Answers every request held so far. */
    answerAll(status: number, body?: unknown) {
      answers.splice(0).forEach((answer) =>
        answer(
          body === undefined
            ? new Response(null, { status })
            : new Response(JSON.stringify(body), {
                status,
                headers: { 'Content-Type': 'application/json' },
              }),
        ),
      );
    },
  };
}
