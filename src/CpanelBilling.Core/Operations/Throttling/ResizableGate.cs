using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CpanelBilling.Core.Operations.Throttling;

/// <summary>
/// An async gate that lets at most <see cref="Limit"/> holders in at once, first come first served, whose limit can
/// change while slots are held: raising it lets waiters in at once; lowering it lets nobody new in until enough
/// holders have left. A held slot is never revoked.
/// </summary>
internal sealed class ResizableGate
{
    private readonly object sync = new();
    private readonly LinkedList<TaskCompletionSource<bool>> waiters = new();
    private int limit;
    private int held;

    public ResizableGate(int limit) => this.limit = limit;

    public int Limit
    {
        get
        {
            lock (sync)
            {
                return limit;
            }
        }
    }

    /// <summary>How many slots are held now.</summary>
    public int Held
    {
        get
        {
            lock (sync)
            {
                return held;
            }
        }
    }

    /// <summary>How many callers are waiting for a slot now.</summary>
    public int Waiting
    {
        get
        {
            lock (sync)
            {
                return waiters.Count;
            }
        }
    }

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        LinkedListNode<TaskCompletionSource<bool>> node;
        lock (sync)
        {
            if (held < limit && waiters.Count == 0)
            {
                held++;
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            node = waiters.AddLast(new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        }

        using (cancellationToken.Register(() => Cancel(node, cancellationToken)))
        {
            await node.Value.Task.ConfigureAwait(false);
        }
    }

    public void Release() => Grant(() => held--);

    public void Resize(int newLimit) => Grant(() => limit = newLimit);

    /// <summary>Applies <paramref name="change"/>, then lets in as many waiters as the limit now allows.</summary>
    private void Grant(System.Action change)
    {
        var granted = new List<TaskCompletionSource<bool>>();
        lock (sync)
        {
            change();
            while (held < limit && waiters.First is { } first)
            {
                waiters.RemoveFirst();
                held++;
                granted.Add(first.Value);
            }
        }

        // Completed outside the lock; continuations run asynchronously anyway.
        foreach (TaskCompletionSource<bool> waiter in granted)
        {
            waiter.TrySetResult(true);
        }
    }

    private void Cancel(LinkedListNode<TaskCompletionSource<bool>> node, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            // Already let in: the slot is the waiter's, and it releases it as usual.
            if (node.List == null)
            {
                return;
            }

            waiters.Remove(node);
        }

        node.Value.TrySetCanceled(cancellationToken);
    }
}
