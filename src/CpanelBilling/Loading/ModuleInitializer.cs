using System.Management.Automation;

namespace CpanelBilling.Loading;

/// <summary>
/// Runs when PowerShell imports the module (and again on Remove-Module): puts our dependency resolver in place
/// before any cmdlet touches CpanelBilling.Core or a third-party assembly.
/// </summary>
public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    public void OnImport() => DependencyResolver.Register();

    public void OnRemove(PSModuleInfo psModuleInfo) => DependencyResolver.Unregister();
}
