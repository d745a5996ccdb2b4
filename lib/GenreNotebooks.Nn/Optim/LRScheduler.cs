namespace GenreNotebooks.Nn.Optim;

/// <summary>
/// Base of the epoch-based learning-rate schedulers (<c>torch.optim.lr_scheduler.LRScheduler</c>): call
/// <see cref="Step()"/> once per epoch after the epoch's optimizer steps; it sets <see cref="Optimizer.LearningRate"/>.
/// <see cref="ReduceLROnPlateau"/> is stepped with the epoch's metric instead (<c>scheduler.step(val_loss)</c>).
/// These are the only schedulers of the project: training recipes, the trainer and the notebooks' hand-written loops
/// all use them. Taught in notebooks/04-feature-networks-and-cross-validation.
/// </summary>
public abstract class LRScheduler
{
    /// <summary>Attaches to <paramref name="optimizer"/>.</summary>
    protected LRScheduler(Optimizer optimizer)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        Optimizer = optimizer;
        BaseLearningRate = optimizer.InitialLearningRate;
    }

    /// <summary>The scheduled optimizer.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The optimizer's initial learning rate (<c>base_lrs[0]</c>).</summary>
    public float BaseLearningRate { get; }

    /// <summary>Epochs stepped so far (<c>last_epoch</c>, 0 after construction).</summary>
    public int LastEpoch { get; protected set; }

    /// <summary>The learning rate after the last step (<c>get_last_lr()[0]</c>).</summary>
    public float LastLearningRate => Optimizer.LearningRate;

    /// <summary>Advances one epoch and updates the optimizer's learning rate (<c>scheduler.step()</c>).</summary>
    public virtual void Step()
    {
        LastEpoch++;
        Optimizer.LearningRate = NextLearningRate(LastEpoch, Optimizer.LearningRate);
    }

    /// <summary>The learning rate for <paramref name="epoch"/> given the current one (PyTorch's chainable form).</summary>
    protected abstract float NextLearningRate(int epoch, float current);
}
