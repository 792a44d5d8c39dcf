namespace CareReview.Domain.Research;

/// <summary>
/// A column an outsider could also know from elsewhere (the council's DfE return, say), with its ladder of ever
/// coarser versions: <see cref="Value"/> at level 0 is the finest value published, and each level up is coarser.
/// A coarser level never gives a value back its level-0 label, so "changed" can be told by comparing labels.
/// </summary>
public sealed class QuasiIdentifier<TRow>
{
    private readonly IReadOnlyList<Func<TRow, string>> _levels;

    /// <param name="name">The column, as in the extract's files.</param>
    /// <param name="levels">Each level's name (for the README) and how a row gives its value at that level, finest first.</param>
    /// <param name="weight">How much a value generalised all the way loses, against 1 for an ordinary column.</param>
    public QuasiIdentifier(string name, IReadOnlyList<(string Name, Func<TRow, string> Value)> levels, double weight = 1)
    {
        ArgumentOutOfRangeException.ThrowIfZero(levels.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weight);
        Name = name;
        Weight = weight;
        LevelNames = [.. levels.Select(l => l.Name)];
        _levels = [.. levels.Select(l => l.Value)];
    }

    public string Name { get; }

    public double Weight { get; }

    /// <summary>What each level publishes, in words, finest first.</summary>
    public IReadOnlyList<string> LevelNames { get; }

    /// <summary>The coarsest level.</summary>
    public int Top => _levels.Count - 1;

    public string Value(TRow row, int level) => _levels[level](row);
}

/// <summary>
/// What <see cref="KAnonymity.Apply"/> chose: the level of each quasi-identifier (in the order given), the rows
/// kept and those left out, how many kept rows have at least one value coarser than level 0, and the smallest
/// group of kept rows sharing every quasi-identifier, counted in owners (0 when none is kept).
/// </summary>
public sealed record KAnonymityResult<TRow>(
    int K,
    IReadOnlyList<int> Levels,
    IReadOnlyList<TRow> Kept,
    IReadOnlyList<TRow> Suppressed,
    int Generalised,
    int SmallestClass);

/// <summary>
/// k-anonymity by generalising, then suppressing: every published combination of quasi-identifiers is shared
/// by at least k rows (of k owners), so no row can be told from those of k - 1 others by what an outsider knows.
/// </summary>
public static class KAnonymity
{
    public const int DefaultK = 5;

    /// <summary>
    /// Chooses one level for each quasi-identifier, applied to every row (full-domain generalisation), then
    /// leaves out the rows whose combination is still shared by fewer than <paramref name="k"/> rows. Of the
    /// combinations of levels that leave out no more than <paramref name="maxSuppressedShare"/> of the rows, it
    /// takes the one that loses least, counting a generalised value as the share of its ladder climbed times
    /// its column's weight, and a left-out row as <paramref name="suppressionCost"/>; ties go to fewer rows left
    /// out, then to the lower levels of the earlier quasi-identifiers. When every combination leaves out more,
    /// it takes the coarsest, which leaves out fewest.
    /// </summary>
    /// <param name="maxSuppressedShare">
    /// The most rows that may be left out, as a share of all: the rows that stand out are the unusual ones, so
    /// leaving many out would bias what is left, however little each one costs.
    /// </param>
    /// <param name="owner">
    /// Whose row it is, when one person can have several (a child's reviews): a group must then hold rows of
    /// k different owners, not merely k rows. Each row is its own owner when null.
    /// </param>
    /// <remarks>
    /// One level per column for every row, rather than coarsening only the rows that fail: a researcher then
    /// analyses one coding per column, and the rows left fine cannot be used to narrow down the coarse ones.
    /// </remarks>
    public static KAnonymityResult<TRow> Apply<TRow>(IReadOnlyList<TRow> rows, IReadOnlyList<QuasiIdentifier<TRow>> quasiIdentifiers,
        int k, double suppressionCost, double maxSuppressedShare = 1, Func<TRow, string>? owner = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(suppressionCost);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSuppressedShare);
        var search = new Search<TRow>(rows, quasiIdentifiers, k, suppressionCost, (int)Math.Floor(maxSuppressedShare * rows.Count),
            owner is null ? null : Numbered(rows.Select(owner)));
        var chosen = search.Best();

        var groups = search.Groups(chosen);
        var fails = search.Failing(groups);
        var kept = Enumerable.Range(0, rows.Count).Where(r => !fails[r]).ToList();
        var generalised = kept.Count(r => Enumerable.Range(0, quasiIdentifiers.Count).Any(i => search.Changed(i, chosen[i], r)));
        var smallest = kept.Count == 0 ? 0 : kept.GroupBy(r => groups[r]).Min(g => g.Select(search.Owner).Distinct().Count());
        return new KAnonymityResult<TRow>(k, chosen, [.. kept.Select(r => rows[r])], [.. rows.Where((_, r) => fails[r])], generalised, smallest);
    }

    private static int[] Numbered(IEnumerable<string> values)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. values.Select(v => ids.TryGetValue(v, out var id) ? id : ids[v] = ids.Count)];
    }

    /// <summary>
    /// A depth-first walk over every combination of levels, one column at a time. Grouping by more columns only
    /// splits groups, so the rows failing on the columns chosen so far fail on every combination that follows:
    /// a branch is dropped as soon as it leaves out too many rows, or costs more than the best found.
    /// </summary>
    private sealed class Search<TRow>
    {
        private readonly int _count;
        private readonly int _k;
        private readonly double _suppressionCost;
        private readonly int _allowed;
        private readonly int[]? _owners;
        private readonly int[] _tops;

        // _codes[i][level][row]: the value as a small number; _changed: whether it differs from level 0.
        private readonly int[][][] _codes;
        private readonly bool[][][] _changed;
        private readonly double[][] _loss;

        private int[]? _best;
        private double _bestTotal = double.MaxValue;
        private int _bestFailing = int.MaxValue;

        public Search(IReadOnlyList<TRow> rows, IReadOnlyList<QuasiIdentifier<TRow>> quasiIdentifiers, int k, double suppressionCost, int allowed, int[]? owners)
        {
            (_count, _k, _suppressionCost, _allowed, _owners) = (rows.Count, k, suppressionCost, allowed, owners);
            var q = quasiIdentifiers.Count;
            _tops = [.. quasiIdentifiers.Select(qi => qi.Top)];
            _codes = new int[q][][];
            _changed = new bool[q][][];
            _loss = new double[q][];
            for (var i = 0; i < q; i++)
            {
                var qi = quasiIdentifiers[i];
                _codes[i] = new int[qi.Top + 1][];
                _changed[i] = new bool[qi.Top + 1][];
                _loss[i] = new double[qi.Top + 1];
                var fine = rows.Select(r => qi.Value(r, 0)).ToList();
                for (var level = 0; level <= qi.Top; level++)
                {
                    var values = rows.Select(r => qi.Value(r, level)).ToList();
                    _codes[i][level] = Numbered(values);
                    _changed[i][level] = [.. values.Select((v, r) => level > 0 && !string.Equals(v, fine[r], StringComparison.Ordinal))];
                    _loss[i][level] = qi.Weight * level / qi.Top * _changed[i][level].Count(c => c);
                }
            }
        }

        public int Owner(int row) => _owners?[row] ?? row;

        public bool Changed(int column, int level, int row) => _changed[column][level][row];

        public int[] Best()
        {
            Walk(0, new int[_count], 0, new int[_tops.Length]);

            // Nothing leaves out few enough: the coarsest combination leaves out fewest.
            return _best ?? _tops;
        }

        public int[] Groups(int[] levels)
        {
            var groups = new int[_count];
            for (var i = 0; i < levels.Length; i++)
            {
                groups = Refine(groups, _codes[i][levels[i]]);
            }

            return groups;
        }

        /// <summary>Which rows are in a group of fewer than k owners.</summary>
        public bool[] Failing(int[] groups)
        {
            var owners = OwnersPerGroup(groups);
            return [.. groups.Select(g => owners[g] < _k)];
        }

        private int FailingCount(int[] groups)
        {
            var owners = OwnersPerGroup(groups);
            return groups.Count(g => owners[g] < _k);
        }

        /// <summary>How many owners each group holds; group numbers are below the number of rows.</summary>
        private int[] OwnersPerGroup(int[] groups)
        {
            var owners = new int[_count];
            if (_owners is null)
            {
                foreach (var g in groups)
                {
                    owners[g]++;
                }

                return owners;
            }

            var seen = new HashSet<long>();
            for (var r = 0; r < _count; r++)
            {
                if (seen.Add(((long)groups[r] << 32) | (uint)_owners[r]))
                {
                    owners[groups[r]]++;
                }
            }

            return owners;
        }

        private void Walk(int column, int[] groups, double loss, int[] levels)
        {
            if (column == _tops.Length)
            {
                var failing = FailingCount(groups);
                var total = loss + failing * _suppressionCost;
                if (total < _bestTotal || (total == _bestTotal && failing < _bestFailing))
                {
                    (_best, _bestTotal, _bestFailing) = ([.. levels], total, failing);
                }

                return;
            }

            for (var level = 0; level <= _tops[column]; level++)
            {
                var refined = Refine(groups, _codes[column][level]);
                var failing = FailingCount(refined);
                var soFar = loss + _loss[column][level];
                if (failing > _allowed || soFar + failing * _suppressionCost > _bestTotal)
                {
                    continue;
                }

                levels[column] = level;
                Walk(column + 1, refined, soFar, levels);
            }
        }

        /// <summary>The groups split by one more column: a row's new group is the pair (its group, its value).</summary>
        private static int[] Refine(int[] groups, int[] column)
        {
            var ids = new Dictionary<long, int>();
            var refined = new int[groups.Length];
            for (var r = 0; r < groups.Length; r++)
            {
                var pair = ((long)groups[r] << 32) | (uint)column[r];
                if (!ids.TryGetValue(pair, out var id))
                {
                    id = ids.Count;
                    ids.Add(pair, id);
                }

                refined[r] = id;
            }

            return refined;
        }
    }
}
