using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
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
/// Where the provider can batch (PostgreSQL), rows go to the server <see cref="BatchSize"/> at a time, as
/// EF's own saves do, because a round trip a row was most of the time; SQLite has no round trip and writes
/// each row at once. Either way a row's generated key is on its entity once <see cref="FlushAsync"/> returns.
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
    private readonly List<T> _pending = [];

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
    /// Inserts the entity's row and, as SaveChanges does, sets the parent's key on it, and its generated key:
    /// at once, or when its batch is sent (at the latest by <see cref="FlushAsync"/>).
    /// </summary>
    public async Task InsertAsync(T entity, object? parentKeyValue = null, CancellationToken cancellationToken = default)
    {
        if (_parentKey is not null && !_parentKey.IsShadowProperty())
        {
            Set(entity, _parentKey, parentKeyValue);
        }

        if (_batch is null)
        {
            foreach (var (property, converter, parameter) in _columns)
            {
                parameter.Value = ProviderValue(entity, property, converter, parentKeyValue);
            }

            if (_generatedKey is null)
            {
                await _command.ExecuteNonQueryAsync(cancellationToken);
            }
            else
            {
                SetGeneratedKey(entity, await _command.ExecuteScalarAsync(cancellationToken));
            }

            return;
        }

        var row = _batch.CreateBatchCommand();
        row.CommandText = _command.CommandText;
        foreach (var (property, converter, template) in _columns)
        {
            var parameter = property.GetRelationalTypeMapping().CreateParameter(_command, template.ParameterName, null, property.IsNullable);
            parameter.Value = ProviderValue(entity, property, converter, parentKeyValue);
            row.Parameters.Add(parameter);
        }

        _batch.BatchCommands.Add(row);
        _pending.Add(entity);
        if (_pending.Count == BatchSize)
        {
            await FlushAsync(cancellationToken);
        }
    }

    /// <summary>Sends the rows still waiting in a batch, and sets their generated keys.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_batch is null || _pending.Count == 0)
        {
            return;
        }

        await _batch.PrepareAsync(cancellationToken);
        if (_generatedKey is null)
        {
            await _batch.ExecuteNonQueryAsync(cancellationToken);
        }
        else
        {
            await using var reader = await _batch.ExecuteReaderAsync(cancellationToken);
            foreach (var entity in _pending)
            {
                if (!await reader.ReadAsync(cancellationToken))
                {
                    throw new InvalidOperationException($"The database returned no key for a {typeof(T).Name} row.");
                }

                SetGeneratedKey(entity, reader.GetValue(0));
                await reader.NextResultAsync(cancellationToken);
            }
        }

        _batch.BatchCommands.Clear();
        _pending.Clear();
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

    /// <summary>Rows not yet flushed are dropped: a caller that stops early is leaving on an error, and its transaction rolls back.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_batch is not null)
        {
            await _batch.DisposeAsync();
        }

        await _command.DisposeAsync();
    }
}
