import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { UploadItem } from '../model/upload-queue';
import { UploadChips } from './upload-chips';

const item = (overrides: Partial<UploadItem>): UploadItem => ({
  key: 'k1',
  name: 'cat.png',
  size: 2048,
  type: 'image/png',
  previewUrl: null,
  status: 'uploading',
  progress: 0,
  error: null,
  attachment: null,
  ...overrides,
});

describe('upload chips', () => {
  it('show a labelled progress bar and a cancel button while uploading', async () => {
    const onCancel = vi.fn();
    render(<UploadChips items={[item({ progress: 0.42 })]} onCancel={onCancel} />);
    const bar = screen.getByRole('progressbar', { name: 'Uploading cat.png' });
    expect(bar).toHaveAttribute('aria-valuenow', '42');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel upload of cat.png' }));
    expect(onCancel).toHaveBeenCalledWith('k1');
  });

  it("show a finished file's thumbnail, name and size, with a remove button", () => {
    render(
      <UploadChips
        items={[
          item({ status: 'ready', progress: 1, previewUrl: 'blob:p' }),
          item({
            key: 'k2',
            name: 'notes.pdf',
            type: 'application/pdf',
            size: 3 * 1024 * 1024,
            status: 'ready',
          }),
        ]}
        onCancel={() => undefined}
      />,
    );
    const chips = screen.getAllByRole('listitem');
    expect(chips[0]).toHaveAccessibleName('cat.png, 2 KB, Ready');
    expect(chips[0]!.querySelector('img')).toHaveAttribute('src', 'blob:p');
    expect(chips[1]).toHaveTextContent('notes.pdf3 MB');
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove notes.pdf' })).toBeInTheDocument();
  });

  it("show the server's problem on a failed chip", () => {
    render(
      <UploadChips
        items={[item({ status: 'failed', error: 'cat.png is a PDF, not a PNG' })]}
        onCancel={() => undefined}
      />,
    );
    expect(screen.getByRole('listitem')).toHaveTextContent('cat.png is a PDF, not a PNG');
    expect(screen.getByRole('button', { name: 'Remove cat.png' })).toBeInTheDocument();
  });
});
