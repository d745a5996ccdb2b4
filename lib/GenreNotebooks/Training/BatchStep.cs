namespace GenreNotebooks.Training;

/// <summary>
/// What an <see cref="IEpochDriver"/> tells <see cref="TrainingLoop"/> after each mini-batch: how far the epoch is and
/// the running loss and accuracy over the batches so far (Keras' progress-bar values).
/// </summary>
/// <param name="Batch">1-based number of the batch just finished.</param>
/// <param name="TotalBatches">Batches in the epoch.</param>
/// <param name="SamplesSeen">Training samples processed so far in the epoch.</param>
/// <param name="TotalSamples">Training samples in the epoch.</param>
/// <param name="Loss">Mean loss over the samples seen so far in the epoch.</param>
/// <param name="Accuracy">Fraction of the samples seen so far classified correctly (in training mode).</param>
public readonly record struct BatchStep(int Batch, int TotalBatches, int SamplesSeen, int TotalSamples, double Loss, double Accuracy);
