import { createEvent, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DropZone } from './drop-zone';

const withFiles = (files: File[]) => ({ dataTransfer: { types: ['Files'], files, dropEffect: 'none' } });

describe('the drop zone', () => {
  it('shows while files are dragged over it (across children), and hands over what is dropped', () => {
    const onFiles = vi.fn();
    render(
      <DropZone label="Drop files to share them in # general" onFiles={onFiles}>
        <p>inside</p>
      </DropZone>,
    );
    const zone = screen.getByTestId('drop-zone');
    const file = new File(['x'], 'a.txt', { type: 'text/plain' });
    fireEvent.dragEnter(zone, withFiles([file]));
    fireEvent.dragEnter(screen.getByText('inside'), withFiles([file]));
    fireEvent.dragLeave(zone, withFiles([file]));
    // Still over a child: the overlay stays.
    expect(screen.getByTestId('drop-overlay')).toHaveTextContent('Drop files to share them in # general');
    expect(screen.getByTestId('drop-overlay')).toHaveAttribute('aria-hidden', 'true');
    const drop = createEvent.drop(zone, withFiles([file]));
    fireEvent(zone, drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(onFiles).toHaveBeenCalledWith([file]);
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
  });

  it('ignores drags that carry no files (text, links)', () => {
    const onFiles = vi.fn();
    render(
      <DropZone label="Drop" onFiles={onFiles}>
        <p>inside</p>
      </DropZone>,
    );
    const zone = screen.getByTestId('drop-zone');
    fireEvent.dragEnter(zone, { dataTransfer: { types: ['text/plain'], files: [] } });
    expect(screen.queryByTestId('drop-overlay')).not.toBeInTheDocument();
    fireEvent.drop(zone, { dataTransfer: { types: ['text/plain'], files: [] } });
    expect(onFiles).not.toHaveBeenCalled();
  });
});
