using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReview.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Themes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ThemeCodes",
                table: "Recommendations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ThemeCodes",
                table: "Escalations",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ThemeCodes",
                table: "Recommendations");

            migrationBuilder.DropColumn(
                name: "ThemeCodes",
                table: "Escalations");
        }
    }
}
