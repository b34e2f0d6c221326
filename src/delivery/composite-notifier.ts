import { DeliveryError, type Notifier } from '../ports/notifier';

/** One notifier over all configured platforms: each address goes to the adapter that handles its prefix. */
export function createCompositeNotifier(notifiers: Notifier[]): Notifier {
  const find = (address: string) => notifiers.find((n) => n.handles(address));
  return {
    handles: (address) => find(address) !== undefined,
    async send(address, message, options) {
      const notifier = find(address);
      if (!notifier) throw new DeliveryError({ kind: 'invalid_address', reason: 'no adapter for this address' });
      await notifier.send(address, message, options);
    },
    async reconcile(address, message, notificationId, since) {
      const notifier = find(address);
      if (!notifier?.reconcile) return 'unknown';
      return notifier.reconcile(address, message, notificationId, since);
    },
    settlesInDoubt: (address) => find(address)?.settlesInDoubt?.(address) === true,
  };
}
