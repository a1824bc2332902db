import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Avatar } from '@/components/avatar';
import { Spinner } from '@/components/spinner';
import type { UserSummary } from '@/lib/user-summary';
import { userSearchQuery } from '../api/users-api';
import { useDebounced } from '../hooks/use-debounced';

interface UserSearchProps {
  label: string;
  onPick: (user: UserSummary) => void;
  /** Users already chosen: shown as selected. */
  selectedIds?: string[];
  placeholder?: string;
}

/** Search users by name (2+ characters) and pick from the results with mouse or keyboard. */
export function UserSearch({ label, onPick, selectedIds = [], placeholder }: UserSearchProps) {
  const [q, setQ] = useState('');
  const debounced = useDebounced(q.trim());
  const results = useQuery(userSearchQuery(debounced));
  const inputId = useId();
  const listId = useId();
  const users = debounced.length >= 2 ? (results.data ?? []) : [];
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={inputId} className="text-sm font-medium">
        {label}
      </label>
      <input
        id={inputId}
        type="search"
        value={q}
        placeholder={placeholder}
        onChange={(e) => setQ(e.target.value)}
        aria-controls={listId}
        autoComplete="off"
        className="rounded-md border border-slate-400 px-3 py-2 text-sm"
      />
      {results.isFetching && <Spinner label="Searching" />}
      <ul id={listId} aria-label={`${label} results`} className="max-h-48 overflow-y-auto">
        {users.map((user) => {
          const selected = selectedIds.includes(user.id);
          return (
            <li key={user.id}>
              <button
                type="button"
                aria-pressed={selected}
                onClick={() => onPick(user)}
                className="flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm hover:bg-slate-100 aria-pressed:bg-indigo-50"
              >
                <Avatar name={user.display_name} url={user.avatar_url} online={user.is_online} size="sm" />
                <span className="flex-1">
                  {user.display_name} <span className="text-slate-600">@{user.username}</span>
                </span>
                {selected && <span className="text-xs text-brand-700">Selected</span>}
              </button>
            </li>
          );
        })}
        {debounced.length >= 2 && results.isSuccess && users.length === 0 && (
          <li className="px-2 py-1.5 text-sm text-slate-600">No one found</li>
        )}
      </ul>
    </div>
  );
}
