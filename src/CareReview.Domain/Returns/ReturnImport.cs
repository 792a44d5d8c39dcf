using System.Globalization;
using CareReview.Domain.Children;
using CareReview.Domain.Deadlines;

namespace CareReview.Domain.Returns;

/// <summary>A problem that stops a row (or a whole file) loading: where it is, and what is wrong, in plain words.</summary>
public sealed record ImportProblem(string File, int Line, string? Field, string? Child, string Message, string? RuleCode = null)
{
    /// <summary>As the command line prints it: <c>episodes.csv:14: PLACE: Placement type code is not a valid code. (rule 146)</c>.</summary>
    public override string ToString() =>
        $"{File}:{Line}: {(Field is null ? "" : Field + ": ")}{Message}{(RuleCode is null ? "" : $" (rule {RuleCode})")}";
}

/// <summary>
/// The files of one year's return as the council's old system wrote them, by file name (any case): each is
/// opened when it is read, as often as the reading needs, so no file is ever held whole in memory.
/// </summary>
public sealed class ReturnFileSet
{
    public const string HeaderFile = "header.csv";
    public const string EpisodesFile = "episodes.csv";
    public const string ReviewsFile = "reviews.csv";

    /// <summary>Not a DfE file: the children's names, which the return does not carry (CHILD, GIVEN_NAME, FAMILY_NAME).</summary>
    public const string NamesFile = "names.csv";

    private readonly Dictionary<string, Func<Stream>> _files;

    /// <summary>Files each opened by a function that gives a new stream from their start every time it is called.</summary>
    public ReturnFileSet(IReadOnlyDictionary<string, Func<Stream>> files)
    {
        _files = new Dictionary<string, Func<Stream>>(files, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Files already in memory: a return built by the app, or a test's.</summary>
    public ReturnFileSet(IReadOnlyDictionary<string, byte[]> files)
        : this(files.ToDictionary(f => f.Key, f => (Func<Stream>)(() => new MemoryStream(f.Value, writable: false))))
    {
    }

    public static IReadOnlyList<string> NameColumns { get; } = ["CHILD", "GIVEN_NAME", "FAMILY_NAME"];

    /// <summary>The files this import reads; the DfE's other files are named in <see cref="ImportPlan.Ignored"/>.</summary>
    public static IReadOnlyList<string> Known { get; } = [HeaderFile, EpisodesFile, ReviewsFile, NamesFile];

    public IEnumerable<string> Names => _files.Keys;

    /// <summary>Opens the file called <paramref name="name"/>, or is null when there is none.</summary>
    public Func<Stream>? this[string name] => _files.GetValueOrDefault(name);
}

/// <summary>
/// Every problem an import finds, counted, with the first <see cref="Limit"/> by file and line kept to show
/// and the children they name: a file of bad rows would otherwise hold millions of them.
/// </summary>
public sealed class ImportProblems
{
    /// <summary>As many as anyone will read before putting the first right and checking again.</summary>
    public const int Limit = 1_000;

    private static readonly Comparer<(ImportProblem Problem, long Order)> s_byPlace = Comparer<(ImportProblem Problem, long Order)>.Create((a, b) =>
    {
        var byFile = string.CompareOrdinal(a.Problem.File, b.Problem.File);
        var byLine = byFile != 0 ? byFile : a.Problem.Line.CompareTo(b.Problem.Line);
        var byRule = byLine != 0 ? byLine : string.CompareOrdinal(a.Problem.RuleCode, b.Problem.RuleCode);
        return byRule != 0 ? byRule : a.Order.CompareTo(b.Order);
    });

    // The queue gives up its greatest first, so that the problem that would be listed last makes way.
    private static readonly Comparer<(ImportProblem Problem, long Order)> s_latestFirst = Comparer<(ImportProblem Problem, long Order)>.Create((a, b) => s_byPlace.Compare(b, a));

    private readonly PriorityQueue<ImportProblem, (ImportProblem Problem, long Order)> _kept = new(s_latestFirst);
    private readonly HashSet<string> _children = new(StringComparer.Ordinal);
    private List<ImportProblem>? _listed;
    private long _added;

    public ImportProblems()
    {
    }

    private ImportProblems(ImportProblems from)
    {
        _kept.EnqueueRange(from._kept.UnorderedItems);
        _children.UnionWith(from._children);
        _added = from._added;
        Count = from.Count;
    }

    /// <summary>Every problem found, listed or not.</summary>
    public int Count { get; private set; }

    /// <summary>The first problems, up to <see cref="Limit"/>, by file, line and rule.</summary>
    public IReadOnlyList<ImportProblem> Listed => _listed ??= [.. _kept.UnorderedItems.OrderBy(i => i.Priority, s_byPlace).Select(i => i.Element)];

    /// <summary>The problems found but not listed.</summary>
    public int Unlisted => Count - _kept.Count;

    /// <summary>Every child named by a problem, listed or not: none of them loads.</summary>
    public IReadOnlySet<string> Children => _children;

    public void Add(ImportProblem problem)
    {
        Count++;
        if (problem.Child is not null)
        {
            _children.Add(problem.Child);
        }

        var order = (problem, _added++);
        if (_kept.Count < Limit)
        {
            _kept.Enqueue(problem, order);
            _listed = null;
        }
        else if (_kept.TryPeek(out _, out var last) && s_byPlace.Compare(order, last) < 0)
        {
            _kept.DequeueEnqueue(problem, order);
            _listed = null;
        }
    }

    /// <summary>A copy to add to, leaving these as they are.</summary>
    public ImportProblems Copy() => new(this);
}

/// <summary>
/// What an import would load: every child read from the files, and every problem found. When there are
/// problems nothing loads unless the user asks for the clean children only; a problem with a whole file
/// stops everything.
/// </summary>
public sealed record ImportPlan(
    FinancialYear Year,
    IReadOnlyList<Child> Children,
    ImportProblems Problems,
    bool FileProblems,
    IReadOnlyList<string> Ignored)
{
    public bool IsClean => Problems.Count == 0;

    public IReadOnlySet<string> ChildrenWithProblems => Problems.Children;

    /// <summary>The children with no problem in any row of either year's files.</summary>
    public IEnumerable<Child> CleanChildren => FileProblems ? [] : Children.Where(c => !ChildrenWithProblems.Contains(c.LocalId));
}

/// <summary>
/// Reads a year's return (and, optionally, the year before's) into children, checking every row first:
/// the files' form, the DfE rules the app checks (<see cref="ReturnChecks"/>), and what a child's record
/// must hold together. Each problem names its file, line and field. Streams only: finding and opening the
/// files, and saving the children, is the caller's job.
/// </summary>
public static class ReturnImport
{
    private const string PreviousSuffix = " (previous year)";

    /// <summary>
    /// The most rows read in one import, from every file of both years: more than the largest council's two
    /// returns, and what bounds the import's memory whatever it is given (each file is also held to
    /// <see cref="Ssda903Csv.MaxRows"/>).
    /// </summary>
    public const int MaxRows = 300_000;

    /// <summary>The longest given or family name, as the database holds it.</summary>
    public const int MaxNameLength = 100;

    private static readonly string[] s_names = ["GIVEN_NAME", "FAMILY_NAME"];
    private static readonly HashSet<string> s_nameColumns = new(s_names, StringComparer.Ordinal);

    public static ImportPlan Plan(ReturnFileSet current, ReturnFileSet? previous, FinancialYear? year, DateOnly today, Rulebook rules)
    {
        var problems = new ImportProblems();
        var ignored = current.Names.Concat(previous?.Names ?? []).Where(n => !ReturnFileSet.Known.Contains(n, StringComparer.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        var reading = new Reading(problems);
        var tables = Read(current, "", reading);
        var lastTables = previous is null ? null : Read(previous, PreviousSuffix, reading);
        var hasNames = current[ReturnFileSet.NamesFile] is not null;
        var names = hasNames ? ReadFile(current, ReturnFileSet.NamesFile, ReturnFileSet.NameColumns, "", reading, s_nameColumns) : null;
        foreach (var row in names?.Rows ?? [])
        {
            foreach (var column in s_names)
            {
                if (NameProblem(row[column], column) is { } problem)
                {
                    problems.Add(new(ReturnFileSet.NamesFile, row.Line, column, row["CHILD"], problem));
                }
            }
        }

        var collection = year ?? (tables is null ? null : Infer(tables));
        if (tables is null || (previous is not null && lastTables is null) || (hasNames && names is null) || collection is null)
        {
            if (collection is null && tables is not null)
            {
                problems.Add(new(ReturnFileSet.EpisodesFile, 1, null, null, "The files hold no dates to tell which year they are for. Give the year."));
            }

            return new(collection ?? FinancialYear.Containing(today), [], problems, true, ignored);
        }

        tables = tables with { HeaderLast = lastTables?.Header ?? [], EpisodesLast = lastTables?.Episodes ?? [] };

        // Counted as they are found, not gathered first: a file of bad rows finds several problems a row.
        foreach (var problem in ReturnChecks.Each(tables, collection))
        {
            problems.Add(FromCheck(problem, ""));
        }

        if (lastTables is not null)
        {
            foreach (var problem in ReturnChecks.Each(lastTables, collection.Previous))
            {
                problems.Add(FromCheck(problem, PreviousSuffix));
            }
        }

        var children = Build(tables, lastTables, names, today, rules, problems);
        return new(collection, children, problems, false, ignored);
    }

    /// <summary>The year whose 31 March is on or after every date in the files: the latest date falls in it.</summary>
    private static FinancialYear? Infer(ReturnTables tables)
    {
        var latest = tables.Episodes.SelectMany(e => new[] { e.Decom, e.Dec }).Concat(tables.Reviews.Select(r => r.Review)).Max();
        return latest is { } date ? FinancialYear.Containing(date) : null;
    }

    /// <summary>The problems found so far, and how many more rows the import reads.</summary>
    private sealed class Reading(ImportProblems problems)
    {
        public ImportProblems Problems { get; } = problems;

        public int RowsLeft { get; set; } = MaxRows;

        /// <summary>True once the files have had more rows than <see cref="MaxRows"/>: no more files are read.</summary>
        public bool Stopped { get; set; }
    }

    private static ReturnTables? Read(ReturnFileSet set, string suffix, Reading reading)
    {
        var header = ReadFile(set, ReturnFileSet.HeaderFile, ReturnColumns.Header, suffix, reading);
        var episodes = ReadFile(set, ReturnFileSet.EpisodesFile, ReturnColumns.Episodes, suffix, reading);
        var reviews = ReadFile(set, ReturnFileSet.ReviewsFile, ReturnColumns.Reviews, suffix, reading);
        return header is null || episodes is null || reviews is null ? null : ReturnTables.FromFiles(header, episodes, reviews);
    }

    private static Ssda903File? ReadFile(ReturnFileSet set, string name, IReadOnlyList<string> columns, string suffix, Reading reading,
        IReadOnlySet<string>? asTyped = null)
    {
        var problems = reading.Problems;
        if (set[name] is not { } open)
        {
            problems.Add(new(name + suffix, 0, null, null, $"There is no {name}. The return needs header.csv, episodes.csv and reviews.csv."));
            return null;
        }

        if (reading.Stopped)
        {
            return null;
        }

        var limit = Math.Min(Ssda903Csv.MaxRows, reading.RowsLeft);
        var file = Ssda903Csv.Read(open, columns, asTyped, limit);
        if (file.TooManyRows && limit < Ssda903Csv.MaxRows)
        {
            reading.Stopped = true;
            problems.Add(new(name + suffix, file.Problems[0].Line, null, null,
                $"The files hold more than {MaxRows.ToString("N0", CultureInfo.InvariantCulture)} rows in all, far more than any council's returns, so these are not a return's files. Nothing from them was read."));
            return null;
        }

        foreach (var problem in file.Problems)
        {
            problems.Add(new(name + suffix, problem.Line, null, null, problem.Message));
        }

        if (!file.IsReadable)
        {
            return null;
        }

        reading.RowsLeft -= file.Rows.Count;

        var rows = new List<Ssda903Row>(file.Rows.Count);
        foreach (var row in file.Rows)
        {
            var child = row["CHILD"];
            var valid = ChildLocalId.IsValid(child);

            // A value missing or one too many (a comma in an unquoted value) moves or drops the values after it.
            if (row.Fields != columns.Count)
            {
                problems.Add(new(name + suffix, row.Line, null, valid ? child : null,
                    $"This row has {row.Fields} {(row.Fields == 1 ? "field" : "fields")}; the header has {columns.Count}."));
            }

            // The row is left out of every check, and the identifier is not repeated: it can hold anything.
            if (!valid)
            {
                problems.Add(new(name + suffix, row.Line, "CHILD", null, ChildLocalId.Rule));
                continue;
            }

            rows.Add(row);
        }

        return file with { Rows = rows };
    }

    private static ImportProblem FromCheck(ReturnProblem p, string suffix) =>
        new($"{p.Table.ToLowerInvariant()}.csv{suffix}", p.Line, p.Field, p.ChildLocalId, p.Message, p.Code);

    private static List<Child> Build(ReturnTables tables, ReturnTables? last, Ssda903File? names, DateOnly today, Rulebook rules, ImportProblems problems)
    {
        var nameRows = (names?.Rows ?? []).GroupBy(r => r["CHILD"], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var headers = new Dictionary<string, (HeaderRow Row, string File)>(StringComparer.Ordinal);
        foreach (var (row, file) in (last?.Header ?? []).Select(r => (r, ReturnFileSet.HeaderFile + PreviousSuffix))
            .Concat(tables.Header.Select(r => (r, ReturnFileSet.HeaderFile))))
        {
            if (headers.TryGetValue(row.Child, out var seen) && seen.File == file)
            {
                problems.Add(new(file, row.Line, "CHILD", row.Child, $"{row.Child} has more than one row in the header (line {seen.Row.Line})."));
                continue;
            }

            // This year's details win over last year's, which fill only what this year leaves blank: a UPN may
            // have been corrected since, and MOTHER is blank in a year of short breaks only.
            headers[row.Child] = seen.Row is null ? (row, file)
                : (row with { Raw = row.Raw.ToDictionary(p => p.Key, p => p.Value.Length > 0 ? p.Value : seen.Row.Value(p.Key), StringComparer.Ordinal) }, file);
        }

        foreach (var (row, file) in Rows(tables.Episodes, last?.Episodes, ReturnFileSet.EpisodesFile)
            .Concat(Rows(tables.Reviews, null, ReturnFileSet.ReviewsFile)).Where(r => !headers.ContainsKey(r.Row.Child)))
        {
            problems.Add(new(file, row.Line, "CHILD", row.Child, $"{row.Child} has no row in header.csv."));
        }

        var episodesByChild = Rows(tables.Episodes, last?.Episodes, ReturnFileSet.EpisodesFile)
            .GroupBy(r => r.Row.Child, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var reviewsByChild = Rows(tables.Reviews, last?.Reviews, ReturnFileSet.ReviewsFile)
            .GroupBy(r => r.Row.Child, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

        var children = new List<Child>();
        foreach (var (localId, (header, headerFile)) in headers.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            // This year's row of an episode or review wins over last year's: it was open then, and has since ended.
            var episodes = Latest(episodesByChild.GetValueOrDefault(localId) ?? [], r => ((EpisodeRow)r).Decom);
            var reviews = Latest(reviewsByChild.GetValueOrDefault(localId) ?? [], r => ((ReviewRow)r).Review);
            // A set, not a search of the problems: that took minutes with 100,000 of them.
            if (problems.Children.Contains(localId))
            {
                continue;
            }

            try
            {
                var returnedEpisodes = episodes.Select(e => Episode((EpisodeRow)e.Row)).ToList();
                var returnedReviews = reviews.Select(r => Review((ReviewRow)r.Row)).ToList();
                var (given, family) = nameRows.TryGetValue(localId, out var name) && name["GIVEN_NAME"].Length > 0 && name["FAMILY_NAME"].Length > 0
                    ? (Name(name["GIVEN_NAME"]), Name(name["FAMILY_NAME"]))
                    : (UnnamedGivenName, localId);
                children.Add(Child.FromReturn(localId, given, family, header.Dob!.Value, Code<Sex>(header.Value("SEX")), Details(header),
                    returnedEpisodes, returnedReviews, today, rules));
            }
            catch (DomainRuleException e)
            {
                var (row, file) = WhereFrom(e.Field, header, headerFile, episodes, reviews);
                problems.Add(new(file, row.Line, e.Field is null ? null : Column(e.Field), localId, e.Message.TrimEnd('.') + "."));
            }
            catch (FormatException e)
            {
                problems.Add(new(headerFile, header.Line, null, localId, e.Message));
            }
        }

        return children;
    }

    /// <summary>Given to children the names file does not name; the family name is their identifier, so each stays distinct.</summary>
    public const string UnnamedGivenName = "Unnamed";

    private static IEnumerable<(ReturnRow Row, string File)> Rows(IEnumerable<ReturnRow> current, IEnumerable<ReturnRow>? last, string file) =>
        (last ?? []).Select(r => (r, file + PreviousSuffix)).Concat(current.Select(r => (r, file)));

    private static List<(ReturnRow Row, string File)> Latest(List<(ReturnRow Row, string File)> rows, Func<ReturnRow, DateOnly?> key) =>
        [.. rows.GroupBy(r => key(r.Row)).Select(g => g.Last()).OrderBy(r => key(r.Row))];

    private static ReturnedEpisode Episode(EpisodeRow row) => new(
        row.Decom!.Value,
        Code<ReasonForNewEpisode>(row.Rne),
        Code<LegalStatus>(row.Ls),
        Code<CategoryOfNeed>(row.Value("CIN")),
        Code<PlacementType>(row.Value("PLACE")),
        new PlacementDetails(OptionalCode<PlacementProvider>(row.Value("PLACE_PROVIDER")), Blank(row.Value("HOME_POST")),
            Blank(row.Value("PL_POST")), Blank(row.Value("URN"))),
        row.Dec,
        OptionalCode<ReasonEpisodeCeased>(row.Rec),
        OptionalCode<ReasonForPlacementChange>(row.Value("REASON_PLACE_CHANGE")));

    private static ReturnedReview Review(ReviewRow row) => new(row.Review!.Value, OptionalCode<ParticipationCode>(row.Code));

    private static ChildReturnDetails Details(HeaderRow header) => new(
        OptionalCode<Ethnicity>(header.Value("ETHNIC")),
        Blank(header.Value("UPN")),
        header.Value("MOTHER") switch { "1" => true, "0" => false, _ => null },
        Ssda903Csv.ParseDate(header.Value("MC_DOB")),
        null,
        false,
        null);

    // The rules have already refused unknown codes, so a code here that does not parse is a bug, not bad input.
    private static T Code<T>(string value) where T : struct, Enum =>
        OptionalCode<T>(value) ?? throw new FormatException($"'{value}' is not a {typeof(T).Name} code.");

    private static T? OptionalCode<T>(string value) where T : struct, Enum =>
        value.Length == 0 ? null
        : Enum.GetNames<T>().Contains(value, StringComparer.Ordinal) ? Enum.Parse<T>(value)
        : throw new FormatException($"'{value}' is not a {typeof(T).Name} code.");

    private static string? Blank(string value) => value.Length == 0 ? null : value;

    // Names are kept as the council typed them (McDonald, O'Brien, Siân): only the spaces are tidied.
    private static string Name(string name) => string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// What is wrong with a name, or null. A name is letters (of any alphabet, with their accents), spaces,
    /// hyphens, apostrophes and full stops, starting with a letter: so it never starts a spreadsheet formula
    /// or holds a control character, wherever it is shown or written. As long as the database holds.
    /// </summary>
    private static string? NameProblem(string name, string column)
    {
        var which = column == "GIVEN_NAME" ? "given name" : "family name";
        var tidied = Name(name);
        if (tidied.Length > MaxNameLength)
        {
            return $"The {which} is longer than {MaxNameLength} characters.";
        }

        var allowed = tidied.Length == 0 || (char.IsLetter(tidied[0]) && tidied.All(c => char.IsLetter(c) || c is ' ' or '-' or '\'' or '\u2019' or '.'
            || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark));
        return allowed ? null : $"The {which} may hold only letters, spaces, hyphens, apostrophes and full stops, and must start with a letter.";
    }

    private static (ReturnRow Row, string File) WhereFrom(string? field, HeaderRow header, string headerFile,
        List<(ReturnRow Row, string File)> episodes, List<(ReturnRow Row, string File)> reviews) =>
        field switch
        {
            "REVIEW" when reviews.Count > 0 => reviews[0],
            "DECOM" or "DEC" or "REC" or "RNE" or "Provider" or "Urn" or "HomePostcode" or "PlacementPostcode" when episodes.Count > 0 => episodes[0],
            _ => (header, headerFile),
        };

    private static string Column(string field) => field switch
    {
        "Provider" => "PLACE_PROVIDER",
        "HomePostcode" => "HOME_POST",
        "PlacementPostcode" => "PL_POST",
        "Urn" => "URN",
        "Upn" => "UPN",
        "IsMother" => "MOTHER",
        "MothersChildBornOn" => "MC_DOB",
        "GivenName" or "FamilyName" => "CHILD",
        _ => field,
    };
}
