import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Avatar } from './avatar';

describe('Avatar', () => {
  it('shows an https picture', () => {
    const { container } = render(<Avatar name="Ada Lovelace" url="https://cdn.example.test/a.png" />);
    const img = container.querySelector('img');
    expect(img).toHaveAttribute('src', 'https://cdn.example.test/a.png');
    expect(img).toHaveAttribute('referrerpolicy', 'no-referrer');
    expect(screen.queryByText('AL')).not.toBeInTheDocument();
  });

  it('shows initials instead of a plain http picture (the CSP would block it anyway)', () => {
    const { container } = render(<Avatar name="Ada Lovelace" url="http://cdn.example.test/a.png" />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('AL')).toBeInTheDocument();
  });

  it('shows initials without a picture', () => {
    const { container } = render(<Avatar name="Ada Lovelace" url={null} />);
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByText('AL')).toBeInTheDocument();
  });
});
