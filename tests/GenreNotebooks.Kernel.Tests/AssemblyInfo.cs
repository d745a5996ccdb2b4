// Kernel runs change the process's working directory and environment (as the notebook runner's do) and share the
// kernel's process-wide formatter settings: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
