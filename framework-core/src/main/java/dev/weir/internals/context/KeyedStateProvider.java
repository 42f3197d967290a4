package dev.weir.internals.context;

import dev.weir.state.State;

/** A task's keyed state, looked up through the handles its functions hold. */
public interface KeyedStateProvider {

    /** The task's state object behind {@code handle}, created on first use. */
    <S extends State> S keyedState(StateHandle<S> handle);
}
