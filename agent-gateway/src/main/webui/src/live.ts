// The live connection: pushes from the gateway, reconnecting with back-off. After every reconnect
// the app resynchronises (reloads what it shows) since pushes sent meanwhile were missed.

import type { LivePush } from './model';

type Listener = (push: LivePush) => void;

export class Live {
  private socket: WebSocket | null = null;
  private listeners = new Set<Listener>();
  private resyncListeners = new Set<() => void>();
  private seen = new Set<string>();
  private seenOrder: string[] = [];
  private delay = 1000;
  private opened = false;
  private pinger: number | undefined;
  private stopped = false;
  connected = false;
  private statusListeners = new Set<(up: boolean) => void>();

  start() {
    this.connect();
  }

  stop() {
    this.stopped = true;
    this.socket?.close();
  }

  onPush(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onResync(listener: () => void): () => void {
    this.resyncListeners.add(listener);
    return () => this.resyncListeners.delete(listener);
  }

  onStatus(listener: (up: boolean) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private connect() {
    const scheme = window.location.protocol === 'https:' ? 'wss' : 'ws';
    const socket = new WebSocket(`${scheme}://${window.location.host}/api/v1/live`);
    this.socket = socket;
    socket.onopen = () => {
      this.delay = 1000;
      this.setConnected(true);
      if (this.opened) this.resyncListeners.forEach(l => l());
      this.opened = true;
      this.pinger = window.setInterval(() => socket.readyState === WebSocket.OPEN && socket.send('ping'), 25_000);
    };
    socket.onmessage = event => {
      let push: LivePush;
      try {
        push = JSON.parse(String(event.data));
      } catch {
        return;
      }
      if (push.eventId) {
        // The same event can arrive twice (a redelivery); show it once.
        if (this.seen.has(push.eventId)) return;
        this.seen.add(push.eventId);
        this.seenOrder.push(push.eventId);
        if (this.seenOrder.length > 2000) this.seen.delete(this.seenOrder.shift()!);
      }
      this.listeners.forEach(l => l(push));
    };
    socket.onclose = () => {
      window.clearInterval(this.pinger);
      this.setConnected(false);
      if (this.stopped) return;
      // A closed connection may mean the session ended: the next API call finds out (401 → sign in).
      window.setTimeout(() => this.connect(), this.delay);
      this.delay = Math.min(this.delay * 2, 30_000);
    };
  }

  private setConnected(up: boolean) {
    this.connected = up;
    this.statusListeners.forEach(l => l(up));
  }
}
