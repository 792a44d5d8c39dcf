using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CareReview.Web.Data;

/// <summary>
/// Inserts new rows of one entity type with a single prepared command, reused for every row, in the
/// context's current transaction, and nothing tracked. For bulk loads: EF's bookkeeping costs about 65 µs
/// a row, many times the insert itself. The statement, the parameters and the stored values all come from
/// the EF model and its type mappings, so the rows are those SaveChanges would write and the columns cannot
/// drift from the migrations. Only an entity's own columns are written: check <see cref="NavigatesOnlyThrough"/>
/// and let EF save anything with more to it.
/// <para>
/// Rows wait until <see cref="BatchSize"/> have been given or <see cref="FlushAsync"/> is called, and only
/// then are written and their generated keys set. Where the provider can batch (PostgreSQL) they go to the
/// server in one round trip, as EF's own saves do, because a round trip a row was most of the time; SQLite,
/// which has no round trip and no batches, writes them one by one. Both engines wait alike, so a caller
/// that reads a key too early, or forgets <see cref="FlushAsync"/>, fails its tests on SQLite too.
/// </para>
/// </summary>
public sealed class PreparedInsert<T> : IAsyncDisposable where T : class
{
    /// <summary>Measured (bench --return --postgres): 100 to 500 rows a round trip are much alike.</summary>
    public const int BatchSize = 200;

    private readonly IEntityType _entityType;
    private readonly DbCommand _command;
    private readonly (IProperty Property, ValueConverter? Converter, DbParameter Parameter)[] _columns;
    private readonly IProperty? _generatedKey;
    private readonly IProperty? _parentKey;
    private readonly DbBatch? _batch;
    private readonly List<(T Entity, object[] Values)> _pending = [];

    private PreparedInsert(IEntityType entityType, DbCommand command, (IProperty, ValueConverter?, DbParameter)[] columns,
        IProperty? generatedKey, IProperty? parentKey, DbBatch? batch)
    {
        _entityType = entityType;
        _command = command;
        _columns = columns;
        _generatedKey = generatedKey;
        _parentKey = parentKey;
        _batch = batch;
    }

    /// <param name="parentKey">The foreign key property to fill from <see cref="InsertAsync"/>'s argument,
    /// because the parent's key was only generated when the parent was inserted.</param>
    public static async Task<PreparedInsert<T>> CreateAsync(DbContext db, string? parentKey = null,
        CancellationToken cancellationToken = default)
    {
        var entityType = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var key = entityType.FindPrimaryKey()?.Properties is [{ ValueGenerated: ValueGenerated.OnAdd } only] ? only : null;
        var properties = entityType.GetProperties().Where(p => p != key).ToList();

        // SaveChanges would leave these to the database, or write parts of the row this class does not know about.
        if (entityType.GetComplexProperties().Any() || entityType.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || entityType.FindDiscriminatorProperty() is not null
            || properties.Any(p => p.ValueGenerated != ValueGenerated.Never || p.GetDefaultValueSql(table) is not null
                || p.GetComputedColumnSql(table) is not null || (p.IsShadowProperty() && p.Name != parentKey)))
        {
            throw new NotSupportedException($"{typeof(T).Name} has columns a prepared insert cannot write as SaveChanges would.");
        }

        var sql = db.GetService<ISqlGenerationHelper>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var batch = connection.CanCreateBatch ? connection.CreateBatch() : null;
        if (batch is not null)
        {
            batch.Transaction = command.Transaction;
        }

        if (db.Database.GetCommandTimeout() is { } timeout)
        {
            command.CommandTimeout = timeout;
            if (batch is not null)
            {
                batch.Timeout = timeout;
            }
        }

        var columns = properties.Select((p, i) => (p, p.GetRelationalTypeMapping().Converter,
            p.GetRelationalTypeMapping().CreateParameter(command, sql.GenerateParameterName($"p{i}"), null, p.IsNullable))).ToArray();
        command.Parameters.AddRange(columns.Select(c => c.Item3).ToArray());
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))})"
            + $" VALUES ({string.Join(", ", columns.Select(c => c.Item3.ParameterName))})"
            + (key is null ? "" : $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}");
        if (batch is null)
        {
            await command.PrepareAsync(cancellationToken);
        }

        return new(entityType, command, columns, key, parentKey is null ? null : entityType.GetProperty(parentKey), batch);
    }

    /// <summary>
    /// True when the entity's navigations other than those named hold nothing: its row is all there is to
    /// write (the named ones being written by the caller).
    /// </summary>
    public bool NavigatesOnlyThrough(T entity, params string[] navigations) =>
        _entityType.GetNavigations().Cast<INavigationBase>().Concat(_entityType.GetSkipNavigations())
            .Where(n => !navigations.Contains(n.Name))
            .All(n => n.GetGetter().GetClrValue(entity) switch
            {
                null => true,
                System.Collections.IEnumerable many when n.IsCollection => !many.Cast<object>().Any(),
                _ => false,
            });

    /// <summary>
    /// Queues the entity's row and, as SaveChanges does, sets the parent's key on it; the row is written, and its
    /// generated key set, with the rest of its batch (at the latest by <see cref="FlushAsync"/>).
    /// </summary>
    public async Task InsertAsync(T entity, object? parentKeyValue = null, CancellationToken cancellationToken = default)
    {
        if (_parentKey is not null && !_parentKey.IsShadowProperty())
        {
            Set(entity, _parentKey, parentKeyValue);
        }

        _pending.Add((entity, [.. _columns.Select(c => ProviderValue(entity, c.Property, c.Converter, parentKeyValue))]));
        if (_pending.Count == BatchSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    /// <summary>Writes the rows still waiting and sets their generated keys. Rows never flushed are never written.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            if (_batch is null)
            {
                foreach (var (entity, values) in _pending)
                {
                    for (var i = 0; i < values.Length; i++)
                    {
                        _columns[i].Parameter.Value = values[i];
                    }

                    if (_generatedKey is null)
                    {
                        await _command.ExecuteNonQueryAsync(cancellationToken);
                    }
                    else
                    {
                        SetGeneratedKey(entity, await _command.ExecuteScalarAsync(cancellationToken));
                    }
                }
            }
            else if (_pending.Count > 0)
            {
                await SendBatchAsync(_batch, cancellationToken);
            }
        }
        finally
        {
            // After a failure the rows are not retried: the caller's transaction is what undoes the ones written.
            _batch?.BatchCommands.Clear();
            _pending.Clear();
        }
    }

    private async Task SendBatchAsync(DbBatch batch, CancellationToken cancellationToken)
    {
        foreach (var (_, values) in _pending)
        {
            var row = batch.CreateBatchCommand();
            row.CommandText = _command.CommandText;
            for (var i = 0; i < values.Length; i++)
            {
                var (property, _, template) = _columns[i];
                var parameter = property.GetRelationalTypeMapping().CreateParameter(_command, template.ParameterName, null, property.IsNullable);
                parameter.Value = values[i];
                row.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(row);
        }

        await batch.PrepareAsync(cancellationToken);
        if (_generatedKey is null)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var (entity, _) in _pending)
        {
            if (!await reader.ReadAsync(cancellationToken))
            {
                throw new InvalidOperationException($"The database returned no key for a {typeof(T).Name} row.");
            }

            SetGeneratedKey(entity, reader.GetValue(0));
            await reader.NextResultAsync(cancellationToken);
        }
    }

    private object ProviderValue(T entity, IProperty property, ValueConverter? converter, object? parentKeyValue)
    {
        var value = property == _parentKey ? parentKeyValue : property.GetGetter().GetClrValue(entity);
        value = converter is null ? value : converter.ConvertToProvider(value);
        return value is Enum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), CultureInfo.InvariantCulture) : value ?? DBNull.Value;
    }

    private void SetGeneratedKey(T entity, object? key)
    {
        var generatedKey = _generatedKey!;
        var converter = generatedKey.GetRelationalTypeMapping().Converter;
        Set(entity, generatedKey, converter is null ? key : converter.ConvertFromProvider(key));
    }

    private static void Set(T entity, IProperty property, object? value)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        value = value is null ? null : Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
        if (property.FieldInfo is { } field)
        {
            field.SetValue(entity, value);
        }
        else
        {
            property.PropertyInfo!.SetValue(entity, value);
        }
    }

    /// <summary>Rows not yet flushed are dropped, on both engines: a caller that stops early is leaving on an error.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_batch is not null)
        {
            await _batch.DisposeAsync();
        }

        await _command.DisposeAsync();
    }
}
