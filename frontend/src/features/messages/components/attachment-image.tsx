import { useAuthenticatedObjectUrl } from '@/lib/use-authenticated-object-url';

/**
 * An image the API serves, fetched with the token into an object URL. Until it has loaded (or if it
 * cannot), the space it will take is already there: the caller sizes the box.
 */
export function AttachmentImage({
  url,
  alt,
  className = '',
}: {
  url: string;
  alt: string;
  className?: string;
}) {
  const { src, failed } = useAuthenticatedObjectUrl(url);
  if (failed)
    return (
      <span className="flex h-full w-full items-center justify-center p-2 text-center text-xs text-slate-600">
        Image unavailable
      </span>
    );
  if (!src) return <span className="block h-full w-full animate-pulse bg-slate-200" aria-hidden="true" />;
  return <img src={src} alt={alt} className={className} />;
}
