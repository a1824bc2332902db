import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LinkifiedText } from './linkified-text';

describe('LinkifiedText', () => {
  it('renders markup as text, never as HTML', () => {
    const { container } = render(<LinkifiedText text={'<img src=x onerror="alert(1)"><b>bold</b>'} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror="alert(1)"><b>bold</b>');
  });

  it('links http(s) URLs safely and leaves other schemes as text', () => {
    render(<LinkifiedText text="see https://example.com/a?b=1. or javascript:alert(1)" />);
    const link = screen.getByRole('link');
    expect(link).toHaveAttribute('href', 'https://example.com/a?b=1');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });
});
