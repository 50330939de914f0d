import { useEffect, useState } from 'preact/hooks';
import { type ActorOptions, type AnyStateMachine, createActor, type SnapshotFrom } from 'xstate';

/**
 * One actor per island, created on first render and stopped with the island. A few lines with
 * Preact's own hooks: `@xstate/react` would bring `preact/compat` and its weight with it.
 */
export function useActor<TMachine extends AnyStateMachine>(
  machine: TMachine,
  options: ActorOptions<TMachine>,
) {
  const [actor] = useState(() => createActor(machine, options).start());
  const [snapshot, setSnapshot] = useState<SnapshotFrom<TMachine>>(() => actor.getSnapshot());
  useEffect(() => {
    const subscription = actor.subscribe((next) => setSnapshot(next));
    setSnapshot(actor.getSnapshot());
    return () => {
      subscription.unsubscribe();
      actor.stop();
    };
  }, [actor]);
  return [snapshot, actor.send] as const;
}
