import { create } from 'zustand';
import type { ConnectionStatus } from './realtime-client';

interface ConnectionState {
  status: ConnectionStatus;
  statusChanged: (status: ConnectionStatus) => void;
}

/** What the connection banner shows; the socket itself lives in realtime-client. */
export const useConnectionStore = create<ConnectionState>()((set) => ({
  status: 'idle',
  statusChanged: (status) => set({ status }),
}));
