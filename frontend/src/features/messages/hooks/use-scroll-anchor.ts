import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';

const NEAR_BOTTOM_PX = 48;

interface ScrollAnchorOptions {
  pageCount: number;
  lastKey: string;
  lastIsMine: boolean;
  loadOlder: () => void;
}

/**
 * Keeps the reader's place: sticks to the bottom only when already there (or after our own send),
 * keeps the visible messages still when older pages are prepended, and loads older pages when the
 * top comes into view.
 */
export function useScrollAnchor({ pageCount, lastKey, lastIsMine, loadOlder }: ScrollAnchorOptions) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const topRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const distanceFromBottom = useRef(0);
  const [showJump, setShowJump] = useState(false);
  const loadOlderRef = useRef(loadOlder);
  useLayoutEffect(() => {
    loadOlderRef.current = loadOlder;
  });

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    distanceFromBottom.current = el.scrollHeight - el.scrollTop;
    atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    if (atBottom.current) setShowJump(false);
  }, []);

  const jumpToBottom = useCallback(() => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
    atBottom.current = true;
    setShowJump(false);
  }, []);

  // Older page prepended: restore the same distance from the bottom.
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || pageCount <= 1) return;
    el.scrollTop = el.scrollHeight - distanceFromBottom.current;
  }, [pageCount]);

  // A new last message: follow it if the reader was at the bottom, else offer the jump button.
  useLayoutEffect(() => {
    if (!lastKey) return;
    if (atBottom.current || lastIsMine) jumpToBottom();
    else setShowJump(true);
  }, [lastKey, lastIsMine, jumpToBottom]);

  useEffect(() => {
    const top = topRef.current;
    const root = scrollRef.current;
    if (!top || !root || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => entries.some((e) => e.isIntersecting) && loadOlderRef.current(),
      {
        root,
        rootMargin: '200px 0px 0px 0px',
      },
    );
    observer.observe(top);
    return () => observer.disconnect();
  }, [pageCount]);

  return { scrollRef, topRef, showJump, jumpToBottom, onScroll };
}
