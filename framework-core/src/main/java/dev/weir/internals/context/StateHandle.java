package dev.weir.internals.context;

import dev.weir.state.State;
import dev.weir.state.StateDescriptor;

/**
 * A state object as a function holds it: it forwards every call to the state of the active task.
 *
 * @param <S> the state type
 */
public abstract class StateHandle<S extends State> implements State {

    private final int index;
    private final String operatorUid;
    private final StateDescriptor<S, ?> descriptor;

    protected StateHandle(int index, String operatorUid, StateDescriptor<S, ?> descriptor) {
        this.index = index;
        this.operatorUid = operatorUid;
        this.descriptor = descriptor;
    }

    /** The handle's slot in every task's table of state objects. */
    public int index() {
        return index;
    }

    public String operatorUid() {
        return operatorUid;
    }

    public StateDescriptor<S, ?> descriptor() {
        return descriptor;
    }

    protected final S target() {
        return ActiveTask.current().keyedState(this);
    }

    @Override
    public void clear() {
        target().clear();
    }
}
