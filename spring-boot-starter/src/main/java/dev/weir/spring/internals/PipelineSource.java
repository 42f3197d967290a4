package dev.weir.spring.internals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.weir.pipeline.Pipeline;
import dev.weir.spring.boot.SerdeResolver;
import dev.weir.spring.boot.WeirProperties;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The one pipeline an application runs: its {@link Pipeline} bean, built with the core DSL, or
 * else the pipeline assembled from its {@link dev.weir.spring.annotation.WeirOperator} beans.
 */
public final class PipelineSource implements Supplier<Optional<Pipeline>> {

    private final ObjectProvider<Pipeline> pipelineBeans;
    private final WeirOperatorRegistry registry;
    private final SerdeResolver serdes;
    private final Map<String, WeirProperties.Source> sources;

    /**
     * A source over the context's pipeline beans and annotated operators.
     *
     * @param sources the event time of the operators' input topics, by topic
     */
    public PipelineSource(ObjectProvider<Pipeline> pipelineBeans, WeirOperatorRegistry registry, SerdeResolver serdes,
                          Map<String, WeirProperties.Source> sources) {
        this.pipelineBeans = pipelineBeans;
        this.registry = registry;
        this.serdes = serdes;
        this.sources = sources;
    }

    /**
     * The pipeline, or empty if the application defines none.
     *
     * @throws IllegalStateException if it defines several: Pipeline beans, or a Pipeline bean
     *         beside annotated operators
     */
    @Override
    public Optional<Pipeline> get() {
        List<Pipeline> beans = pipelineBeans.orderedStream().toList();
        List<String> operators = registry.beanNames();
        if (beans.size() > 1) {
            throw new IllegalStateException("an application runs one Weir pipeline, but the context has "
                    + beans.size() + " Pipeline beans; build one pipeline with all the streams");
        }
        if (beans.size() == 1 && !operators.isEmpty()) {
            throw new IllegalStateException("an application runs one Weir pipeline, but the context has both a "
                    + "Pipeline bean and the @WeirOperator beans " + operators
                    + "; add those operators to the Pipeline bean or drop the Pipeline bean");
        }
        if (beans.size() == 1) {
            return Optional.of(beans.get(0));
        }
        return operators.isEmpty() ? Optional.empty() : Optional.of(PipelineAssembler.assemble(registry, serdes, sources));
    }
}
