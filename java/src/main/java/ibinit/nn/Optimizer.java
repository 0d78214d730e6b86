package ibinit.nn;

import java.util.List;

/** Updates parameters from their gradients. The learning rate can change between steps (schedules). */
public interface Optimizer extends AutoCloseable {
    void step(List<Parameter> parameters);

    float learningRate();

    void setLearningRate(float lr);

    /** e.g. {@code sgd(lr=0.1, momentum=0.9)}. */
    String describe();

    @Override
    void close();
}
