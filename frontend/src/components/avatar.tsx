interface AvatarProps {
  name: string;
  url?: string | null;
  online?: boolean;
  size?: 'sm' | 'md';
}

const palette = [
  'bg-indigo-700',
  'bg-emerald-700',
  'bg-rose-700',
  'bg-amber-800',
  'bg-sky-800',
  'bg-violet-700',
];

/**
 * Only https pictures: the server accepts no other avatar URL, the CSP loads no plain http image,
 * and an http one stored before that rule shows as initials rather than as a broken image.
 */
function isHttps(url: string | null | undefined): url is string {
  return typeof url === 'string' && /^https:\/\//i.test(url);
}

/** A picture or initials, with an optional presence dot (its meaning is also in the label). */
export function Avatar({ name, url, online, size = 'md' }: AvatarProps) {
  const dimension = size === 'sm' ? 'h-7 w-7 text-xs' : 'h-9 w-9 text-sm';
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join('');
  const colour = palette[[...name].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % palette.length];
  return (
    <span className={`relative inline-flex shrink-0 ${dimension}`}>
      {isHttps(url) ? (
        <img
          src={url}
          alt=""
          className={`${dimension} rounded-full object-cover`}
          referrerPolicy="no-referrer"
        />
      ) : (
        <span
          aria-hidden="true"
          className={`${dimension} ${colour} inline-flex items-center justify-center rounded-full font-semibold text-white`}
        >
          {initials || '?'}
        </span>
      )}
      {online !== undefined && (
        <span
          data-testid="presence-dot"
          data-online={online}
          aria-hidden="true"
          className={`absolute -right-0.5 -bottom-0.5 h-3 w-3 rounded-full border-2 border-white ${online ? 'bg-green-600' : 'bg-slate-400'}`}
        />
      )}
    </span>
  );
}
